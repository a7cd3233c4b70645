/**
 * Top values of the events in view: per field the most common values with their counts, the
 * fields that best tell matches from non-matches first. A value can be filtered out at once.
 * Closed, the panel renders nothing inside and the worker counts nothing (see useTuning): a
 * keystroke then pays for neither.
 */
import { memo, useState, type SyntheticEvent } from 'react'
import type { FieldTop } from '../../engine/index.ts'
import { count, valueInText } from '../format.ts'

const SHOWN = 10
const FIELDS_SHOWN = 12

function Field(props: { top: FieldTop; onFilterOut(field: string, value: string): void }) {
  const { top, onFilterOut } = props
  const [open, setOpen] = useState(false)
  const values = open ? top.values : top.values.slice(0, SHOWN)
  return (
    <li className="top-field" data-field={top.field}>
      <div className="top-field-head">
        <strong>{top.field}</strong>
        <span className="top-field-meta">
          {count(top.distinct)} values · separation {Math.round(top.score * 100)}%
        </span>
      </div>
      <ul className="top-field-values">
        {values.map((v) => (
          <li
            key={v.value}
            className="top-value"
            data-testid="top-value"
            data-field={top.field}
            data-value={v.value}
            data-count={v.count}
          >
            <span className="top-value-count">{count(v.count)}</span>
            <span className="top-value-bar" title={`${v.matches} of ${v.count} match`}>
              <span style={{ width: `${(100 * v.matches) / Math.max(1, v.count)}%` }} />
            </span>
            <BlankableValue value={v.value} />
            <button
              type="button"
              className="link-button top-value-filter"
              data-testid="filter-out-value"
              aria-label={`Filter out events with ${top.field} ${valueInText(v.value)}`}
              title="Filter out events with this value"
              onClick={() => onFilterOut(top.field, v.value)}
            >
              Filter out
            </button>
          </li>
        ))}
      </ul>
      {top.values.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setOpen(!open)}>
          {open ? 'Fewer' : `${top.values.length - SHOWN} more`}
        </button>
      )}
    </li>
  )
}

/** A value as text; an empty or blank one quoted as Sigma writes it (`''`), not left as a gap. */
function BlankableValue({ value }: { value: string }) {
  const blank = value.trim() === ''
  const title = !blank ? value : value ? `${value.length} blank characters` : 'an empty string'
  return (
    <span className={`top-value-text${blank ? ' top-value-blank' : ''}`} title={title}>
      {valueInText(value)}
    </span>
  )
}

export const TopValues = memo(function TopValues(props: {
  /** Undefined until the worker has counted them for the open panel. */
  fields?: readonly FieldTop[]
  open: boolean
  onOpen(open: boolean): void
  onFilterOut(field: string, value: string): void
}) {
  const { open, onOpen } = props
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    const details = event.currentTarget
    onOpen(details.open)
    // In a short window the tools above the list scroll: bring the opened values into view.
    if (details.open) details.scrollIntoView({ block: 'nearest' })
  }
  return (
    <details className="top-values" data-testid="top-values" open={open} onToggle={onToggle}>
      <summary>Top values in view</summary>
      {open &&
        (props.fields ? (
          <FieldList fields={props.fields} onFilterOut={props.onFilterOut} />
        ) : (
          <p className="pane-empty">Counting…</p>
        ))}
    </details>
  )
})

function FieldList(props: {
  fields: readonly FieldTop[]
  onFilterOut(field: string, value: string): void
}) {
  const [all, setAll] = useState(false)
  const fields = all ? props.fields : props.fields.slice(0, FIELDS_SHOWN)
  return (
    <>
      {fields.length === 0 ? (
        <p className="pane-empty">No fields in the events in view.</p>
      ) : (
        <ul className="top-fields">
          {fields.map((top) => (
            <Field key={top.field} top={top} onFilterOut={props.onFilterOut} />
          ))}
        </ul>
      )}
      {props.fields.length > FIELDS_SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Fewer fields' : `All ${props.fields.length} fields`}
        </button>
      )}
    </>
  )
}
