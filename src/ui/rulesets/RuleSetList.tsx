/**
 * The rules that fired, most hits first: one button per rule (Tab reaches each; the arrow keys,
 * Home and End move between them). A click opens the rule in the rule editor over the events.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { RuleHits } from '../../worker/ruleset-protocol.ts'
import { count } from '../format.ts'

interface RuleSetListProps {
  rules: RuleHits[]
  /** The file opened last: focused when the list comes back, so the user goes on from it. */
  opened?: number
  onOpen(rule: RuleHits): void
}

const KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, count) => Math.min(i + 1, count - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, count) => count - 1,
}

/** Hits first, then title, then path: a stable order whatever order the files came in. */
export const byHits = (a: RuleHits, b: RuleHits) =>
  b.hits - a.hits || a.title.localeCompare(b.title) || a.path.localeCompare(b.path)

export function RuleSetList({ rules, opened, onOpen }: RuleSetListProps) {
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const index = rules.findIndex((r) => r.file === opened)
    const target = list.current?.querySelectorAll('button')[index < 0 ? 0 : index]
    target?.focus()
  }, [rules, opened])

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const move = KEYS[event.key]
    const buttons = Array.from(list.current?.querySelectorAll('button') ?? [])
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (!move || index < 0) return
    event.preventDefault()
    buttons[move(index, buttons.length)]?.focus()
  }

  return (
    <ol
      ref={list}
      className="sp-ruleset-list"
      data-testid="ruleset-results"
      aria-label="Rules that fired, most hits first"
      onKeyDown={onKeyDown}
    >
      {rules.map((rule) => (
        <li
          key={rule.file}
          data-testid="ruleset-rule"
          data-hits={rule.hits}
          data-rule-id={rule.key}
          className={rule.file === opened ? 'sp-ruleset-opened' : undefined}
        >
          <button
            type="button"
            onClick={() => onOpen(rule)}
            title="Open in the rule editor over these events"
          >
            <span className="sp-ruleset-title">{rule.title || '(untitled)'}</span>
            <span className={`sp-ruleset-level level-${rule.level || 'none'}`}>
              {rule.level || '—'}
            </span>
            <span className="sp-ruleset-hits">
              {count(rule.hits)}
              <span className="sp-ruleset-unit"> {rule.hits === 1 ? 'hit' : 'hits'}</span>
            </span>
            <span className="sp-ruleset-path">{rule.path}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}
