/**
 * The Options popover's content: placeholder values for `|expand`, the field map, evtx
 * flattening and the events' layout. Everything a link can set is rendered as text (inputs and text nodes only).
 */
import { BODY_LABELS, SHAPE_OVERRIDES, type EngineOptions } from '../../engine/index.ts'
import { TimeFieldSection } from './TimeFieldSection.tsx'
import { useOptionRows, type EditableRows } from './useOptionRows.ts'

export interface OptionsPanelProps {
  options: EngineOptions
  setOptions(options: EngineOptions): void
  /** Placeholders the rule's `|expand` values use, in order. */
  rulePlaceholders: readonly string[]
  /** Placeholders the engine reported without values. */
  unresolved: readonly string[]
}

export function OptionsPanel({
  options,
  setOptions,
  rulePlaceholders,
  unresolved,
}: OptionsPanelProps) {
  const rows = useOptionRows(options, setOptions, rulePlaceholders)
  return (
    <>
      <PlaceholderSection rows={rows} unresolved={unresolved} />
      <hr />
      <MappingSection rows={rows} />
      <hr />
      <label className="sp-options-check">
        <input
          type="checkbox"
          data-testid="option-flatten-evtx"
          checked={rows.flattenEvtx}
          onChange={(event) => {
            const flattenEvtx = event.currentTarget.checked
            rows.update((r) => ({ ...r, flattenEvtx }))
          }}
        />
        Flatten Windows event-log JSON (Event.EventData.*)
      </label>
      <ShapeSection rows={rows} />
      <label className="sp-options-check">
        <input
          type="checkbox"
          data-testid="option-logsource-only"
          checked={rows.logsourceOnly === true}
          onChange={(event) => {
            const logsourceOnly = event.currentTarget.checked
            rows.update((r) => ({ ...r, logsourceOnly }))
          }}
        />
        Only events of the rule&apos;s logsource (others never match)
      </label>
      <TimeFieldSection rows={rows} />
    </>
  )
}

/** Detection per event is the default; forcing a layout is for events it misreads. */
function ShapeSection({ rows }: { rows: EditableRows }) {
  return (
    <label className="sp-options-row sp-options-shape">
      Read events as
      <select
        data-testid="option-event-shape"
        value={rows.eventShape ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value
          const eventShape = SHAPE_OVERRIDES.find((shape) => shape === value)
          rows.update((r) => ({ ...r, eventShape }))
        }}
      >
        <option value="">detected shape (automatic)</option>
        {SHAPE_OVERRIDES.map((shape) => (
          <option key={shape} value={shape}>
            {BODY_LABELS[shape]}
          </option>
        ))}
      </select>
    </label>
  )
}

function PlaceholderSection({
  rows,
  unresolved,
}: {
  rows: EditableRows
  unresolved: readonly string[]
}) {
  const missing = new Set(unresolved)
  const setRow = (id: number, change: { name?: string; text?: string }) =>
    rows.update((r) => ({
      ...r,
      placeholders: r.placeholders.map((p) => (p.id === id ? { ...p, ...change } : p)),
    }))
  return (
    <section className="sp-options-section" aria-labelledby="sp-options-placeholders">
      <h2 id="sp-options-placeholders">
        Placeholders for <code>|expand</code>
      </h2>
      <p className="sp-menu-note">
        Values replace <code>%name%</code>; several values OR. Separate them by commas or put one a
        line.
      </p>
      {rows.placeholders.length === 0 && (
        <p className="sp-menu-note" data-testid="options-no-placeholders">
          This rule uses no placeholders.
        </p>
      )}
      {rows.placeholders.map((row) => {
        const fixed = rows.ruleNames.has(row.name)
        const needed = missing.has(row.name) && row.text.trim() === ''
        return (
          <div
            key={row.id}
            className={needed ? 'sp-options-row sp-options-needed' : 'sp-options-row'}
            data-testid="placeholder-row"
            data-name={row.name}
          >
            {fixed ? (
              <span className="sp-options-name" title="Used by this rule">
                %{row.name}%
              </span>
            ) : (
              <input
                className="sp-options-name"
                aria-label="Placeholder name"
                placeholder="name"
                data-testid="placeholder-name"
                // Only a row just added has no name: put the cursor in it.
                autoFocus={row.name === ''}
                value={row.name}
                onChange={(event) => setRow(row.id, { name: event.currentTarget.value })}
              />
            )}
            <textarea
              rows={1}
              spellCheck={false}
              aria-label={`Values for %${row.name}%`}
              placeholder={needed ? 'needs values, e.g. alice, bob' : 'value, value…'}
              data-testid="placeholder-values"
              value={row.text}
              onChange={(event) => setRow(row.id, { text: event.currentTarget.value })}
            />
            {fixed ? (
              <span className="sp-options-spacer" />
            ) : (
              <RemoveButton
                label={`Remove placeholder ${row.name}`}
                onClick={() =>
                  rows.update((r) => ({
                    ...r,
                    placeholders: r.placeholders.filter((p) => p.id !== row.id),
                  }))
                }
              />
            )}
          </div>
        )
      })}
      <button
        type="button"
        className="sp-options-add"
        data-testid="add-placeholder"
        onClick={() =>
          rows.update((r) => ({
            ...r,
            placeholders: [...r.placeholders, { id: rows.newId(), name: '', text: '' }],
          }))
        }
      >
        + Add placeholder
      </button>
    </section>
  )
}

function MappingSection({ rows }: { rows: EditableRows }) {
  const setRow = (id: number, change: { ruleField?: string; eventField?: string }) =>
    rows.update((r) => ({
      ...r,
      mappings: r.mappings.map((m) => (m.id === id ? { ...m, ...change } : m)),
    }))
  return (
    <section className="sp-options-section" aria-labelledby="sp-options-mapping">
      <h2 id="sp-options-mapping">Field mapping</h2>
      <p className="sp-menu-note">Look up a rule field under another name in the events.</p>
      {rows.mappings.map((row) => (
        <div key={row.id} className="sp-options-row" data-testid="mapping-row">
          <input
            aria-label="Rule field"
            placeholder="rule field, e.g. Image"
            data-testid="mapping-rule-field"
            autoFocus={row.ruleField === '' && row.eventField === ''}
            value={row.ruleField}
            onChange={(event) => setRow(row.id, { ruleField: event.currentTarget.value })}
          />
          <span className="sp-options-arrow" aria-hidden="true">
            →
          </span>
          <input
            aria-label="Event field"
            placeholder="event field, e.g. NewProcessName"
            data-testid="mapping-event-field"
            value={row.eventField}
            onChange={(event) => setRow(row.id, { eventField: event.currentTarget.value })}
          />
          <RemoveButton
            label={`Remove mapping ${row.ruleField || 'row'}`}
            onClick={() =>
              rows.update((r) => ({ ...r, mappings: r.mappings.filter((m) => m.id !== row.id) }))
            }
          />
        </div>
      ))}
      <button
        type="button"
        className="sp-options-add"
        data-testid="add-mapping"
        onClick={() =>
          rows.update((r) => ({
            ...r,
            mappings: [...r.mappings, { id: rows.newId(), ruleField: '', eventField: '' }],
          }))
        }
      >
        + Add mapping
      </button>
    </section>
  )
}

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      className="sp-options-remove"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      ×
    </button>
  )
}
