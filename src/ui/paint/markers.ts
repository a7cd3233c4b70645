/**
 * Engine diagnostics → Monaco markers at their exact offset ranges. Our owners are separate
 * from monaco-yaml's so that neither side clears the other's markers.
 */
import type * as Monaco from '../editors/monaco.ts'
import type { Diagnostic, EventsDiagnostic, Range, Severity } from '../../engine/index.ts'
import { span } from './rule-decorations.ts'
import { setQuickFixes } from '../language/quick-fixes.ts'
import { unmoved, type MoveOffset } from './text-drift.ts'

const RULE_MARKER_OWNER = 'sigma'
const EVENTS_MARKER_OWNER = 'sigma-events'

type Model = Monaco.editor.ITextModel

function markerRange(model: Model, range: Range, moved: MoveOffset = unmoved): Monaco.IRange {
  const length = model.getValueLength()
  const start = Math.max(0, Math.min(moved(range[0]), length))
  // An empty range would draw nothing: widen it to one character where possible.
  const end = Math.max(start + (start < length ? 1 : 0), Math.min(moved(range[1]), length))
  return span((offset) => model.getPositionAt(offset), start, end)
}

function severityOf(monaco: typeof Monaco, severity: Severity): Monaco.MarkerSeverity {
  if (severity === 'error') return monaco.MarkerSeverity.Error
  if (severity === 'warning') return monaco.MarkerSeverity.Warning
  // Notes explain (a list of maps is OR) on rules that are often right as written: a hint's
  // faint dots and its hover, never a squiggle that reads as a fault.
  return monaco.MarkerSeverity.Hint
}

/** A missing placeholder is fixed outside the rule text: the hover says where. */
const markerMessage = (d: Diagnostic) =>
  d.code === 'UNRESOLVED_PLACEHOLDER' ? `${d.message}. Set its values under Options.` : d.message

/** `moved` takes the diagnostics' offsets onto the model's text (see RuleEditor). */
export function setRuleMarkers(
  monaco: typeof Monaco,
  model: Model,
  diagnostics: Diagnostic[],
  moved: MoveOffset = unmoved,
) {
  const markers = diagnostics.map((d) => ({
    ...markerRange(model, d.range, moved),
    severity: severityOf(monaco, d.severity),
    message: markerMessage(d),
    code: d.code,
    source: 'sigma',
  }))
  monaco.editor.setModelMarkers(model, RULE_MARKER_OWNER, markers)
  setQuickFixes(model, diagnostics, (d) => markerRange(model, d.range, moved))
}

export function setEventsMarkers(
  monaco: typeof Monaco,
  model: Model,
  diagnostics: EventsDiagnostic[],
) {
  const markers = diagnostics.map((d) => ({
    ...markerRange(model, d.range),
    severity: monaco.MarkerSeverity.Error,
    message: d.message,
    code: 'EVENTS_PARSE',
    source: 'events',
  }))
  monaco.editor.setModelMarkers(model, EVENTS_MARKER_OWNER, markers)
}

/** The engine's pipeline diagnostics (`PIPELINE`, `YAML_SYNTAX`) at their ranges. */
export function setPipelineMarkers(monaco: typeof Monaco, model: Model, diagnostics: Diagnostic[]) {
  const markers = diagnostics.map((d) => ({
    ...markerRange(model, d.range),
    severity: severityOf(monaco, d.severity),
    message: d.message,
    code: d.code,
    source: 'pipeline',
  }))
  monaco.editor.setModelMarkers(model, 'sigma-pipeline', markers)
}
