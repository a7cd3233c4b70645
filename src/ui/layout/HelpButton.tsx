/**
 * The help panel (the `?` button, `?` outside a text field, or F1 anywhere, which would otherwise
 * open Monaco's command palette): the keyboard shortcuts and what each colour and mark means.
 */
import { useEffect, useRef, useState } from 'react'
import { usePopover } from './popovers.ts'
import { FilterIcon, HitIcon, MissIcon, SelectionIcon } from './icons.tsx'

const SHORTCUTS: [string, string][] = [
  ['F8 / Shift+F8', 'next / previous event'],
  ['↑ ↓ PgUp PgDn Home End', 'move through the results list'],
  ['Tab / Shift+Tab', 'move between controls (the editors included)'],
  ['Ctrl+M', 'in an editor: Tab indents instead (press again to undo)'],
  ['Ctrl+Space', 'complete field names, modifiers and keys'],
  ['Ctrl+.', 'quick fixes for a marked problem'],
  ['Ctrl+Z', 'undo, also across loads from files and links'],
  ['Ctrl+S', 'download the rule'],
  ['Escape', 'close a menu or this panel'],
  ['? or F1', 'this help'],
]

function isTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return Boolean(element?.closest('input, textarea, select, [contenteditable], .monaco-editor'))
}

export function HelpButton() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  usePopover(root, open, close)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const f1 = event.key === 'F1' && !event.ctrlKey && !event.metaKey && !event.altKey
      const question = event.key === '?' && !event.ctrlKey && !event.metaKey
      if (!f1 && !(question && !isTextField(event.target))) return
      event.preventDefault()
      event.stopPropagation()
      setOpen(true)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])

  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('.sp-help-panel')?.focus()
  }, [open])

  return (
    <div className="sp-menu sp-help" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        data-testid="help-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label="Help: shortcuts, colours and marks (? or F1)"
        title="Help: shortcuts, colours and marks (? or F1)"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open && (
        <div
          className="sp-menu-items sp-help-panel"
          role="dialog"
          aria-label="Help"
          data-testid="help-panel"
          tabIndex={-1}
        >
          <h2>Keyboard</h2>
          <dl className="sp-help-keys">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <h2>Colours and marks</h2>
          <ul className="sp-help-marks">
            <li>
              <span className="text-hit">
                <HitIcon size={12} /> green
              </span>{' '}
              — true for the selected event: a field item, a value or an identifier that matched.
            </li>
            <li>
              <span className="text-miss">
                <MissIcon size={12} /> grey
              </span>{' '}
              — false for the selected event; the struck value is the one compared.
            </li>
            <li>
              <span className="verdict-excluded">Excluded by filter_…</span> — the event matched a
              selection but a filter (under <code>not</code>) took it out.
            </li>
            <li>
              <SelectionIcon size={11} /> round chips are selections, <FilterIcon size={11} />{' '}
              square chips are filters; ✓ true, – false.
            </li>
            <li>
              In the events editor, the selected event has a bar in the margin and the fields the
              rule read are underlined.
            </li>
            <li>Dimmed results are stale: the rule has errors or a run is still going.</li>
            <li>Wavy underlines are problems; hover them, or press Ctrl+. for a fix.</li>
          </ul>
        </div>
      )}
    </div>
  )
}
