/**
 * The results pane: counts, then one row per event (virtualised). Clicking a row selects the
 * event; arrow keys move the selection while the list has focus.
 */
import type { KeyboardEvent, ReactNode } from 'react'
import { useMemo } from 'react'
import type { AnalysisView } from '../state/useAnalysis.ts'
import type { StaleReason } from '../state/shownAnalysis.ts'
import { STALE_NOTE } from '../state/shownAnalysis.ts'
import { sameJson, useStable } from '../state/useStable.ts'
import { rowAt } from '../../worker/rows.ts'
import { chipLabels } from './chipLabels.ts'
import { EventRow, rowId } from './EventRow.tsx'
import { ResultsCounts } from './ResultsCounts.tsx'
import { ROW_HEIGHT, useVirtualRows } from './useVirtualRows.ts'

interface ResultsPaneProps {
  view: AnalysisView
  /** Set when the rows shown are not those of the current text (see shownAnalysis). */
  staleReason?: StaleReason
  selected: number
  onSelect(index: number): void
  /** The block of rows on screen, for which the worker writes detailed summaries. */
  onWindow?(window: [number, number]): void
  /** What each event shows, when the events were generated from the rule. */
  notes?: readonly string[]
  /** Event indices in view, in order (the tuning view); all events when undefined. */
  order?: Uint32Array
  /** Tuning marks for a row. */
  marks?(index: number): ReactNode
  /** Keys on the focused list that the pane does not handle (tuning shortcuts). */
  onListKey?(event: KeyboardEvent): void
  /** Above the counts (the tuning toolbar, top values, proposals). */
  header?: ReactNode
  /** Under the rows (the correlation timeline). */
  footer?: ReactNode
}

function emptyMessage(view: AnalysisView): string | undefined {
  const result = view.result
  if (!result) return 'Evaluating…'
  if (!result.compiled)
    return 'The rule has errors, so no event is evaluated. The status line says where.'
  if (result.counts.events === 0)
    return 'No events. Paste events into the editor above: JSON, NDJSON, CSV or Windows event XML.'
  return undefined
}

export function ResultsPane(props: ResultsPaneProps) {
  const { view, staleReason, selected, onSelect, onWindow, notes } = props
  const { order, marks, onListKey, header, footer } = props
  const result = view.result
  const rows = result?.rows
  const count = order ? order.length : (rows?.count ?? 0)
  const indexAt = (position: number) => (order ? (order[position] ?? -1) : position)
  const position = order ? order.indexOf(selected) : selected
  // The same array while the names are: rows compare it by identity to skip their render.
  const names = useStable(
    useMemo(() => (result?.identifiers ?? []).map((i) => i.name), [result?.identifiers]),
    sameJson,
  )
  const labels = useMemo(() => chipLabels(names), [names])
  const { viewport, onScroll, first, last, totalHeight } = useVirtualRows(count, position, onWindow)
  const empty = emptyMessage(view)
  // The selected row's reason in full: row lines are cut to one line at narrow widths.
  const selectedRow = !empty && rows && selected >= 0 ? rowAt(rows, selected) : undefined

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key]
    const target =
      event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : step && position + step
    if (target === undefined) {
      onListKey?.(event)
      return
    }
    event.preventDefault()
    onSelect(indexAt(Math.max(0, Math.min(count - 1, target))))
  }

  const visible = []
  for (let at = first; at < last; at++) {
    const index = indexAt(at)
    const row = rows && rowAt(rows, index)
    if (!row) continue
    visible.push(
      <EventRow
        key={index}
        index={index}
        row={row}
        names={names}
        labels={labels}
        note={notes?.[index]}
        selected={index === selected}
        top={at * ROW_HEIGHT}
        onSelect={onSelect}
        marks={marks?.(index)}
        ruleVerdicts={result?.ruleVerdicts}
      />,
    )
  }

  return (
    <section
      className={`results ${staleReason ? `is-stale is-stale-${staleReason}` : ''}`}
      data-testid="results"
      data-generation={view.generation}
      data-stale={staleReason ?? 'false'}
      aria-busy={staleReason === 'pending'}
      aria-label="Results"
    >
      {/* The tools above the list give way (and scroll) before the list does. */}
      <div className="results-head">
        {staleReason && staleReason !== 'pending' && (
          <p className="results-stale" data-testid="results-stale">
            {STALE_NOTE[staleReason]}
          </p>
        )}
        {header}
        {result && result.compiled && <ResultsCounts result={result} labels={labels} />}
      </div>
      {empty ? (
        <p className="results-empty">{empty}</p>
      ) : (
        <div
          className="results-rows"
          ref={viewport}
          onScroll={onScroll}
          role="listbox"
          tabIndex={0}
          aria-label="Events and verdicts"
          aria-activedescendant={selected >= first && selected < last ? rowId(selected) : undefined}
          onKeyDown={onKeyDown}
        >
          <div className="results-rows-inner" style={{ height: totalHeight }}>
            {visible}
          </div>
        </div>
      )}
      {selectedRow && (
        <p className="results-reason" data-testid="selected-reason">
          <span className="results-reason-index">#{selected}</span> {selectedRow.summary}
        </p>
      )}
      {footer}
    </section>
  )
}
