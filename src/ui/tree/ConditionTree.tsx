/**
 * The rule's condition as a tree, each node showing its value for the selected event; `1 of x*`
 * is expanded to its members. Clicking a node moves the rule editor to it.
 */
import { memo, type ReactNode } from 'react'
import type { IdentifierInfo, Trace } from '../../engine/index.ts'
import { ConditionNode } from './ConditionNode.tsx'

interface ConditionTreeProps {
  trace?: Trace
  identifiers: readonly IdentifierInfo[]
  selected: number
  stale: boolean
  /** Shown when there is no trace, saying why. */
  emptyText: string
  onReveal(offset: number): void
  /** What-if toggles for the tree's identifiers (the tuning loop). */
  whatif?: ReactNode
}

/**
 * Memoized: each key typed in the rule renders the page before its result comes, and the tree
 * (a few dozen components) would be drawn again unchanged in the frame that shows the key.
 */
export const ConditionTree = memo(function ConditionTree({
  trace,
  identifiers,
  selected,
  stale,
  emptyText,
  onReveal,
  whatif,
}: ConditionTreeProps) {
  const keyOffset = (name: string) => identifiers.find((i) => i.name === name)?.keyRange[0]
  return (
    <section
      className={`condition-tree ${stale ? 'is-stale' : ''}`}
      data-testid="condition-tree"
      aria-label="Condition"
    >
      <header className="pane-header">
        <h2>Condition</h2>
        {trace && (
          <span className={`pane-meta ${trace.match ? 'text-hit' : 'text-miss'}`}>
            event #{selected}: {trace.match ? 'match' : 'no match'}
          </span>
        )}
      </header>
      {whatif}
      {trace ? (
        <div className="tree-scroll">
          {trace.conditions.map((condition, index) => (
            <ul className="tree-root" key={index}>
              {trace.conditions.length > 1 && <li className="tree-note">condition {index + 1}</li>}
              <ConditionNode node={condition} keyOffset={keyOffset} onReveal={onReveal} />
            </ul>
          ))}
        </div>
      ) : (
        <p className="pane-empty">{emptyText}</p>
      )}
    </section>
  )
})
