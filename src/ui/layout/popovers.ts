/**
 * One popover at a time: the File menu, the Share menu, the Options panel and the dialogs each
 * close on Escape, on a pointer press outside them, and when another one opens. Escape gives the
 * focus back to the control that opened the popover (when the focus was inside it).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'

const OPENED = 'sp-popover-opened'

export function usePopover(
  root: RefObject<HTMLElement | null>,
  open: boolean,
  close: (refocus: boolean) => void,
): void {
  const latestClose = useRef(close)
  latestClose.current = close

  useEffect(() => {
    if (!open) return undefined
    const self = {}
    window.dispatchEvent(new CustomEvent(OPENED, { detail: self }))
    const onOtherOpened = (event: Event) => {
      if ((event as CustomEvent).detail !== self) latestClose.current(false)
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) latestClose.current(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      const inside = root.current?.contains(document.activeElement) ?? false
      latestClose.current(inside)
    }
    window.addEventListener(OPENED, onOtherOpened)
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener(OPENED, onOtherOpened)
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open, root])
}

/** A <details> menu as a popover: returns the props to spread on the element. */
export function useDetailsPopover(menu: RefObject<HTMLDetailsElement | null>) {
  const [open, setOpen] = useState(false)
  const close = useCallback(
    (refocus: boolean) => {
      const details = menu.current
      if (!details) return
      details.open = false
      setOpen(false)
      if (refocus) details.querySelector('summary')?.focus()
    },
    [menu],
  )
  usePopover(menu, open, close)
  const onToggle = useCallback(() => setOpen(menu.current?.open ?? false), [menu])
  return { onToggle, close }
}
