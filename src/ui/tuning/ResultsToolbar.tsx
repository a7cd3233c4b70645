/**
 * Above the results: which events to show (all, matches, non-matches, one identifier true,
 * expected-but-wrong), a search over the events' text, and the counts of what is in view,
 * what a what-if would change, what changed since the baseline and how the marks fare.
 */
import type { ReactNode, RefObject } from 'react'
import type { TuningResult, ViewMode } from '../../engine/index.ts'
import type { Confusion } from './confusion.ts'
import type { Baseline, TuningControls } from './useTuning.ts'
import { count, plural } from '../format.ts'

const MODES: { mode: Exclude<ViewMode, 'identifier'>; label: string }[] = [
  { mode: 'all', label: 'All' },
  { mode: 'matches', label: 'Matches' },
  { mode: 'nonmatches', label: 'Non-matches' },
  { mode: 'wrong', label: 'Expected but wrong' },
]

interface ToolbarProps {
  controls: TuningControls
  names: readonly string[]
  tuning?: TuningResult
  total: number
  baseline: Baseline
  confusion: Confusion
  searchRef: RefObject<HTMLInputElement | null>
  /** Actions at the end of the counts line (suggest a filter, clear marks). */
  children?: ReactNode
}

export function ResultsToolbar(props: ToolbarProps) {
  const { controls, names, tuning, total, baseline, confusion, searchRef, children } = props
  const whatif = tuning?.whatif
  return (
    <div className="results-toolbar" data-testid="results-toolbar">
      <div className="view-modes" role="radiogroup" aria-label="Show">
        {MODES.map(({ mode, label }) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={controls.mode === mode}
            className={`view-mode ${controls.mode === mode ? 'is-active' : ''}`}
            data-testid="view-mode"
            data-mode={mode}
            onClick={() => controls.setMode(mode)}
          >
            {label}
          </button>
        ))}
        <select
          aria-label="Show events where this identifier is true"
          data-testid="view-identifier"
          className={`view-mode ${controls.mode === 'identifier' ? 'is-active' : ''}`}
          value={controls.mode === 'identifier' ? (controls.identifier ?? '') : ''}
          onChange={(e) =>
            e.target.value
              ? controls.setMode('identifier', e.target.value)
              : controls.setMode('all')
          }
        >
          <option value="">Identifier true…</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name} true
            </option>
          ))}
        </select>
      </div>
      <input
        ref={searchRef}
        type="search"
        className="results-search"
        data-testid="results-search"
        placeholder="Search events  ( / )"
        aria-label="Search the events' text"
        value={controls.search}
        onChange={(e) => controls.setSearch(e.target.value)}
      />
      <div className="tuning-counts" aria-live="polite">
        <span data-testid="view-count" data-count={tuning?.viewCount ?? total}>
          {tuning && tuning.viewCount !== total
            ? `${count(tuning.viewCount)} of ${plural(total, 'event')} in view, ${count(tuning.viewMatches)} matching`
            : `${plural(total, 'event')} in view`}
        </span>
        {whatif && (
          <span
            className="whatif-summary"
            data-testid="whatif-summary"
            data-gained={whatif.gained}
            data-lost={whatif.lost}
          >
            what-if: +{plural(whatif.gained, 'match', 'matches')}, −
            {plural(whatif.lost, 'match', 'matches')}
          </span>
        )}
        {baseline.match && (
          <span
            className="baseline-summary"
            data-testid="baseline-summary"
            data-new={baseline.gained}
            data-lost={baseline.lost}
          >
            since {baseline.pinned ? 'the pinned rule' : 'loading'}: {count(baseline.gained)} new,{' '}
            {count(baseline.lost)} lost
            <button
              type="button"
              className="link-button"
              data-testid="pin-baseline"
              onClick={baseline.pin}
              title="Compare later changes with the rule as it is now"
            >
              Pin
            </button>
          </span>
        )}
        {confusion.marked > 0 && (
          <span className="confusion" data-testid="confusion" {...confusionData(confusion)}>
            marked: {confusion.tp} TP · {confusion.fp} FP · {confusion.fn} FN · {confusion.tn} TN
          </span>
        )}
        {children}
      </div>
    </div>
  )
}

function confusionData(c: Confusion) {
  return { 'data-tp': c.tp, 'data-fp': c.fp, 'data-fn': c.fn, 'data-tn': c.tn }
}
