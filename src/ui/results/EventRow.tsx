/** One event's verdict, its identifier chips and the one-line reason. */
import { isValidElement, memo, type ReactNode } from 'react'
import type { RowResult, RuleVerdicts } from '../../worker/protocol.ts'
import { HitIcon, MissIcon } from '../layout/icons.tsx'
import { IdentifierChip } from './IdentifierChip.tsx'
import { RuleVerdictChips } from './RuleVerdictChips.tsx'
import { decidingOrder, excludedBy, verdictText } from './rowVerdict.ts'

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
  /** Tuning marks shown after the verdict (expectation, what-if flip, new/lost). */
  marks?: ReactNode
  /** Every rule's verdicts, when the rule text holds several detection rules. */
  ruleVerdicts?: RuleVerdicts
}

/** The DOM id of row `index`, for the list's aria-activedescendant. */
export const rowId = (index: number) => `event-row-${index}`

/**
 * Every result (each keystroke) brings new row objects and new marks elements: rows on screen
 * whose content is unchanged skip their render all the same.
 */
function sameProps(a: EventRowProps, b: EventRowProps): boolean {
  return (
    a.index === b.index &&
    a.names === b.names &&
    a.labels === b.labels &&
    a.note === b.note &&
    a.selected === b.selected &&
    a.top === b.top &&
    a.onSelect === b.onSelect &&
    a.ruleVerdicts === b.ruleVerdicts &&
    sameRow(a.row, b.row) &&
    sameElement(a.marks, b.marks)
  )
}

/** Every field of the row equal, its one object (identifiers) field by field. */
function sameRow(a: RowResult, b: RowResult): boolean {
  return a === b || shallowEqual(a, b, (x, y) => isRecord(x) && isRecord(y) && shallowEqual(x, y))
}

const isRecord = (value: unknown): value is object => typeof value === 'object' && value !== null

/** The same component with equal props (marks are one element of plain props: RowMarks). */
function sameElement(a: ReactNode, b: ReactNode): boolean {
  if (a === b) return true
  if (!isValidElement(a) || !isValidElement(b)) return false
  return a.type === b.type && a.key === b.key && shallowEqual(a.props as object, b.props as object)
}

/** Same keys, and values that are the same (or that `alike` holds equal). */
function shallowEqual(
  a: object,
  b: object,
  alike: (x: unknown, y: unknown) => boolean = () => false,
): boolean {
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return (
    keys.length === Object.keys(y).length &&
    keys.every((k) => Object.is(x[k], y[k]) || alike(x[k], y[k]))
  )
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
  marks,
  ruleVerdicts,
}: EventRowProps) {
  const excluded = excludedBy(row)
  const verdict = verdictText(row)
  // An event the engine failed on has no verdict: it is neither a match nor a miss.
  const kind = row.error !== undefined ? 'error' : row.match ? 'match' : 'miss'
  return (
    <div
      className={`event-row is-${kind} ${selected ? 'is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="event-row"
      data-index={index}
      data-match={String(row.match)}
      id={rowId(index)}
      data-verdict={kind}
      data-logsource={row.outside === undefined ? undefined : 'outside'}
      role="option"
      aria-selected={selected}
      onClick={() => onSelect(index)}
    >
      <div className="event-row-head">
        <span className="event-index">#{index}</span>
        <span
          className={`verdict ${kind === 'miss' && excluded ? 'verdict-excluded' : `verdict-${kind}`}`}
          data-testid="verdict"
          title={verdict}
        >
          {row.match ? <HitIcon /> : <MissIcon />}
          <span className="verdict-text">{verdict}</span>
        </span>
        {marks}
        {ruleVerdicts && <RuleVerdictChips verdicts={ruleVerdicts} index={index} />}
        <span className="event-chips">
          {decidingOrder(row, names).map((name) => (
            <IdentifierChip
              key={name}
              name={name}
              label={labels[name]}
              value={row.identifiers[name] ?? false}
            />
          ))}
        </span>
      </div>
      <div className="event-summary" title={summaryTitle(row, note)}>
        {note && (
          <span className="event-note" data-testid="event-note">
            {note}
          </span>
        )}
        {row.outside !== undefined && (
          <span className="event-outside" data-testid="event-outside">
            outside logsource: {row.outside}
          </span>
        )}
        {row.summary}
      </div>
    </div>
  )
}, sameProps)

/** The summary line's full text, for the tooltip when it is cut short. */
function summaryTitle(row: RowResult, note: string | undefined): string {
  const outside = row.outside === undefined ? '' : `outside logsource: ${row.outside} · `
  return `${note ? `${note}: ` : ''}${outside}${row.summary}`
}
