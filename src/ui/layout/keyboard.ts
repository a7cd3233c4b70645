/**
 * Page-wide keys, caught in the capture phase so they work inside Monaco too:
 * Ctrl/Cmd+S downloads the rule (instead of the browser's "save page"), F8 / Shift+F8 move to
 * the next / previous event (instead of Monaco's "next problem").
 */
import { useEffect, useRef } from 'react'

export interface PageKeys {
  onSave(): void
  onNextEvent(step: 1 | -1): void
}

export function usePageKeys(keys: PageKeys): void {
  const latest = useRef(keys)
  useEffect(() => {
    latest.current = keys
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault()
        event.stopPropagation()
        latest.current.onSave()
      } else if (event.key === 'F8' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault()
        event.stopPropagation()
        latest.current.onNextEvent(event.shiftKey ? -1 : 1)
      }
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])
}
