/**
 * Which event field holds each event's time, for correlation documents (the CLI's
 * `--time-field`). Empty reads the first of the usual fields present.
 */
import { TIME_FIELDS } from '../../engine/index.ts'
import type { EditableRows } from './useOptionRows.ts'

export function TimeFieldSection({ rows }: { rows: EditableRows }) {
  return (
    <label className="sp-options-row sp-options-shape">
      Time field (correlations)
      <input
        data-testid="option-time-field"
        list="sp-time-fields"
        spellCheck={false}
        placeholder={`automatic: ${TIME_FIELDS.slice(0, 3).join(', ')}…`}
        title={`Empty: the first of ${TIME_FIELDS.join(', ')} that the event has`}
        value={rows.timeField ?? ''}
        onChange={(event) => {
          const timeField = event.currentTarget.value
          rows.update((r) => ({ ...r, timeField }))
        }}
      />
      <datalist id="sp-time-fields">
        {TIME_FIELDS.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
    </label>
  )
}
