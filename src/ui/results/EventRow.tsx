/** One event's verdict, its identifier chips and the one-line reason. */
import { memo } from 'react'
import type { RowResult } from '../../worker/protocol.ts'
import { HitIcon, MissIcon } from '../layout/icons.tsx'
import { IdentifierChip } from './IdentifierChip.tsx'

interface EventRowProps {
  index: number
  row: RowResult
  names: readonly string[]
  /** Short chip texts by identifier name (the full name is in the tooltip and data). */
  labels: Readonly<Record<string, string>>
  /** What a generated event shows ("excluded by filter_x"). */
  note?: string
  selected: boolean
  top: number
  onSelect(index: number): void
}

export const EventRow = memo(function EventRow({
  index,
  row,
  names,
  labels,
  note,
  selected,
  top,
  onSelect,
}: EventRowProps) {
  return (
    <div
      className={`event-row ${row.match ? 'is-match' : 'is-miss'} ${selected ? 'is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="event-row"
      data-index={index}
      data-match={String(row.match)}
      role="option"
      aria-selected={selected}
      onClick={() => onSelect(index)}
    >
      <div className="event-row-head">
        <span className="event-index">#{index}</span>
        <span className={`verdict ${row.match ? 'verdict-match' : 'verdict-miss'}`}>
          {row.match ? <HitIcon /> : <MissIcon />}
          {row.match ? 'Match' : 'No match'}
        </span>
        <span className="event-chips">
          {names.map((name) => (
            <IdentifierChip
              key={name}
              name={name}
              label={labels[name]}
              value={row.identifiers[name] ?? false}
            />
          ))}
        </span>
      </div>
      <div className="event-summary" title={note ? `${note}: ${row.summary}` : row.summary}>
        {note && (
          <span className="event-note" data-testid="event-note">
            {note}
          </span>
        )}
        {row.summary}
      </div>
    </div>
  )
})
