/**
 * The rule's fields that no event has, above the results: the look-alike fields the events do
 * have, and a one-click fix (the built-in pipeline that maps them, or a field mapping). The
 * status line names the fields too (evaluationStatus). A pipeline of the user's is never
 * replaced: then the fix is a field mapping.
 */
import { useEffect } from 'react'
import { BUILTIN_PIPELINES, type EngineOptions, type FieldCoverage } from '../../engine/index.ts'
import type { StatusTone } from '../state/useAppState.ts'
import { userPipeline, withUserPipeline } from '../pipeline/pipeline-options.ts'
import { plural } from '../format.ts'
import { setHoverCoverage } from '../language/coverage-hover.ts'
import './coverage.css'

export interface CoverageFix {
  label: string
  apply(): void
}

/** The fix for a field no event has, if the events have something like it. */
export function coverageFix(
  f: FieldCoverage,
  options: EngineOptions,
  setOptions: (options: EngineOptions) => void,
  setStatus: (message: string, tone?: StatusTone) => void,
): CoverageFix | undefined {
  const builtin = BUILTIN_PIPELINES.find((p) => p.id === f.pipeline)
  if (builtin && userPipeline(options).trim() === '')
    return {
      label: `Use the ${builtin.name} pipeline`,
      apply() {
        setOptions(withUserPipeline(options, builtin.text))
        setStatus(`Applied the built-in “${builtin.name}” pipeline (see the Pipeline tab).`)
      },
    }
  const to = f.have?.[0]
  if (!to) return undefined
  return {
    label: `Map ${f.field} → ${to}`,
    apply() {
      setOptions({ ...options, fieldMap: { ...options.fieldMap, [f.field]: to } })
      setStatus(`Added the field mapping ${f.field} → ${to} (see Options).`)
    },
  }
}

/** "`Image` is missing from all 3 events; they have `process.executable`", names as code. */
function MissingText({ f }: { f: FieldCoverage }) {
  const have = f.have ?? []
  const events = f.events === 1 ? 'the event' : `all ${plural(f.events, 'event')}`
  return (
    <span>
      <code>{f.field}</code> is missing from {events}
      {have.length > 0 && '; they have '}
      {have.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <code>{name}</code>
        </span>
      ))}
    </span>
  )
}

export function CoverageNote(props: {
  coverage: readonly FieldCoverage[] | undefined
  options: EngineOptions
  setOptions(options: EngineOptions): void
  setStatus(message: string, tone?: StatusTone): void
}) {
  const { coverage, options, setOptions, setStatus } = props
  const missing = (coverage ?? []).filter((f) => f.present === 0 && f.events > 0)
  // The rule editor's hover reads the same figures and names the same fix.
  useEffect(() => {
    const labels: Record<string, string> = {}
    for (const f of missing) {
      const fix = coverageFix(f, options, setOptions, setStatus)
      if (fix) labels[f.field] = fix.label
    }
    setHoverCoverage(coverage ?? [], labels)
  })
  if (missing.length === 0) return null
  return (
    <section
      className="coverage-note"
      data-testid="field-coverage"
      aria-label="Rule fields missing from every event"
    >
      <strong>{missing.length === 1 ? 'A rule field' : 'Rule fields'} no event has:</strong>
      <ul>
        {missing.map((f) => {
          const fix = coverageFix(f, options, setOptions, setStatus)
          return (
            <li key={f.field} data-testid="missing-field" data-field={f.field}>
              <MissingText f={f} />
              {fix && (
                <button
                  type="button"
                  className="link-button"
                  data-testid="coverage-fix"
                  onClick={fix.apply}
                >
                  {fix.label}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
