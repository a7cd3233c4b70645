/** The tally above the rows: events, matches, and how many events each identifier hit. */
import { memo } from 'react'
import type { AnalysisResult } from '../../worker/protocol.ts'
import { FilterIcon, SelectionIcon } from '../layout/icons.tsx'
import { count, plural } from '../format.ts'
import { RuleCounts } from './RuleVerdictChips.tsx'

/** Memoised: a keystroke re-renders the pane before its result arrives, with the same one. */
export const ResultsCounts = memo(function ResultsCounts({
  result,
  labels,
}: {
  result: AnalysisResult
  /** Short identifier texts, from chipLabels (the pane computes them once per result). */
  labels: Readonly<Record<string, string>>
}) {
  const { events, matches, perIdentifier } = result.counts
  return (
    <div className="results-counts" data-testid="results-counts">
      <div className="tally">
        <span className="tally-item">
          <strong data-testid="count-events">{count(events)}</strong> events
        </span>
        <span className={`tally-item ${matches > 0 ? 'tally-match' : ''}`}>
          <strong data-testid="count-matches">{count(matches)}</strong>{' '}
          {matches === 1 ? 'match' : 'matches'}
        </span>
      </div>
      {result.ruleVerdicts && <RuleCounts verdicts={result.ruleVerdicts} events={events} />}
      <ul className="identifier-counts" aria-label="Events hit per identifier">
        {result.identifiers.map((info) => (
          <li
            key={info.name}
            className={`identifier-count identifier-${info.kind}`}
            data-identifier={info.name}
            title={`${info.kind} ${info.name} is true for ${count(perIdentifier[info.name] ?? 0)} of ${plural(events, 'event')}`}
          >
            {info.kind === 'filter' ? <FilterIcon size={11} /> : <SelectionIcon size={11} />}
            <span className="identifier-count-name">{labels[info.name] ?? info.name}</span>
            <span className="identifier-count-value">{perIdentifier[info.name] ?? 0}</span>
          </li>
        ))}
      </ul>
    </div>
  )
})
