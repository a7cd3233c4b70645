/**
 * Suggest a filter from the marks, show what it would remove, and insert it into the rule as
 * `filter_optional_*` blocks with one click, or add it as a Sigma filter document after the rule.
 */
import { useLayoutEffect, useRef } from 'react'
import { blockYaml } from '../../engine/index.ts'
import type { FilterProposal } from '../../engine/index.ts'
import { count, plural } from '../format.ts'

export function SuggestFilterButton(props: { fp: number; onSuggest(): void }) {
  return (
    <button
      type="button"
      className="suggest-filter"
      data-testid="suggest-filter"
      onClick={props.onSuggest}
      title="Propose a filter from the matching events marked “should not match”"
    >
      Suggest a filter{props.fp > 0 ? ` (${props.fp} marked)` : ''}
    </button>
  )
}

export function FilterProposalPanel(props: {
  proposal: FilterProposal
  matches: number
  /** `asDocument`: as a Sigma filter document after the rule, the rule itself unchanged. */
  onApply(asDocument: boolean): void
  onDismiss(): void
  onShow(index: number): void
}) {
  const { proposal, matches, onApply, onDismiss, onShow } = props
  const yaml = proposal.blocks.map((b) => blockYaml(b, '', '    ')).join('')
  // In a short window the tools above the list scroll: bring each new proposal into view.
  const section = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    // Not returned: newer Chromium's scrollIntoView returns a promise, which React would call.
    section.current?.scrollIntoView({ block: 'nearest' })
  }, [proposal])
  return (
    <section
      ref={section}
      className="filter-proposal"
      data-testid="filter-proposal"
      data-removed={proposal.removedCount}
      aria-label="Proposed filter"
    >
      {proposal.blocks.length > 0 ? (
        <>
          <p>
            Removes <strong>{count(proposal.removedCount)}</strong> of{' '}
            {plural(matches, 'match', 'matches')}, including {proposal.fixed} of{' '}
            {proposal.fixed + proposal.missed} marked “should not match”; every event marked “should
            match” keeps matching.
          </p>
          <pre className="filter-proposal-yaml">{yaml}</pre>
          <p className="filter-proposal-removed">
            Removed:{' '}
            {proposal.removed.slice(0, 12).map((i) => (
              <button key={i} type="button" className="link-button" onClick={() => onShow(i)}>
                #{i}
              </button>
            ))}
            {proposal.removedCount > 12 ? ' …' : ''}
          </p>
        </>
      ) : null}
      {proposal.message && <p className="filter-proposal-note">{proposal.message}</p>}
      <div className="filter-proposal-actions">
        {proposal.blocks.length > 0 && (
          <>
            <button
              type="button"
              className="primary"
              data-testid="apply-filter"
              onClick={() => onApply(false)}
            >
              Insert into the rule
            </button>
            <button
              type="button"
              data-testid="apply-filter-document"
              title="Add a Sigma filter document after the rule; the rule's own text stays as it is"
              onClick={() => onApply(true)}
            >
              Add as a filter document
            </button>
          </>
        )}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  )
}
