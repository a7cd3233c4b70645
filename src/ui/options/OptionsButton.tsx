/**
 * The header's Options button and its popover. A dot on the button (and its tooltip) points
 * the user here when the rule has `%placeholders%` without values; opening the panel then puts
 * the cursor in the first one that needs values. Escape or a click outside closes it.
 */
import { useEffect, useRef, useState } from 'react'
import type { EngineOptions } from '../../engine/index.ts'
import '../share/share.css'
import './options.css'
import { activeOptionCount } from './option-rows.ts'
import { OptionsPanel } from './OptionsPanel.tsx'
import { rulePlaceholders } from './placeholder-names.ts'
import { usePopover } from '../layout/popovers.ts'

export interface OptionsButtonProps {
  options: EngineOptions
  setOptions(options: EngineOptions): void
  rule: string
  /** Placeholders the engine reported without values (see unresolvedPlaceholders). */
  unresolved: readonly string[]
}

function buttonTitle(unresolved: readonly string[], active: number): string {
  if (unresolved.length > 0) {
    const names = unresolved.map((n) => `%${n}%`).join(', ')
    return `Set placeholder values: ${names} ${unresolved.length === 1 ? 'has' : 'have'} none, so the rule cannot run.`
  }
  const base = 'Engine options: placeholder values for |expand, field mapping, evtx flattening'
  return active > 0 ? `${base} (${active} set; they travel in share links)` : base
}

export function OptionsButton({ options, setOptions, rule, unresolved }: OptionsButtonProps) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const active = activeOptionCount(options)
  const [openNames, setOpenNames] = useState<string[]>([])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  usePopover(root, open, close)

  useEffect(() => {
    if (!open) return
    // The first field that needs values, else the first control (a rule without placeholders
    // has none of its own: then "Add placeholder").
    const target =
      panel.current?.querySelector<HTMLElement>('.sp-options-needed textarea') ??
      panel.current?.querySelector<HTMLElement>('textarea, input, button')
    target?.focus()
  }, [open])

  const toggle = () => {
    if (!open) {
      // Frozen for this opening, so rows do not jump while the user types.
      setOpenNames([...new Set([...unresolved, ...rulePlaceholders(rule)])])
    }
    setOpen(!open)
  }
  return (
    <div className="sp-menu sp-options" ref={root}>
      <button
        ref={button}
        type="button"
        data-testid="options-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? 'sp-options-panel' : undefined}
        title={buttonTitle(unresolved, active)}
        onClick={toggle}
        className={unresolved.length > 0 ? 'sp-options-attention' : undefined}
      >
        Options
        {active > 0 && (
          <span className="sp-options-count" data-testid="options-count">
            {active}
          </span>
        )}
        {unresolved.length > 0 && (
          <span
            className="sp-options-dot"
            role="img"
            data-testid="options-attention"
            aria-label="needs placeholder values"
          />
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id="sp-options-panel"
          className="sp-menu-items sp-options-panel"
          role="dialog"
          aria-label="Engine options"
          data-testid="options-panel"
        >
          <OptionsPanel
            options={options}
            setOptions={setOptions}
            rulePlaceholders={openNames}
            unresolved={unresolved}
          />
        </div>
      )}
    </div>
  )
}
