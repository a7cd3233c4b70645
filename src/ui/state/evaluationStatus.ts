/**
 * Turns the latest analysis into the one status line the user reads: errors first, then a
 * time-out (naming the slow rule part), then the plain tally.
 */
import type { Diagnostic, EventsDiagnostic } from '../../engine/index.ts'
import type { AnalysisResult, CorrelationView, Task } from '../../worker/protocol.ts'
import type { AnalysisView } from './useAnalysis.ts'
import type { StatusTone } from './useAppState.ts'
import { count, plural } from '../format.ts'

export function lineOf(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** What a long run is busy with, and what it counts. */
const TASK_LABEL: Record<Task, [doing: string, items: string]> = {
  evaluate: ['Evaluating', 'events'],
  'top-values': ['Counting top values', 'events'],
  'what-if': ['Trying the what-if', 'events'],
  suggest: ['Suggesting a filter', 'events'],
  explain: ['Explaining the rows shown', 'rows'],
  correlate: ['Correlating', 'events'],
}

function firstOf(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']) {
  return diagnostics.find((d) => d.severity === severity)
}

function eventsProblem(diagnostics: readonly EventsDiagnostic[], text: string): string | undefined {
  const first = diagnostics[0]
  if (!first) return undefined
  return `Events: ${first.message} (line ${lineOf(text, first.range[0])})`
}

/** Alerts, and every correlation document or event the correlations could not use. */
function correlationTally(view: CorrelationView | undefined): string {
  if (!view) return ''
  const alerts = view.groups.reduce((n, g) => n + g.alerts, 0)
  const parts = [plural(alerts, 'correlation alert')]
  if (view.notEvaluated > 0) parts.push(`${plural(view.notEvaluated, 'correlation')} not evaluated`)
  if (view.untimed.count > 0)
    parts.push(`${plural(view.untimed.count, 'event')} without a usable time left out`)
  return ` · ${parts.join(' · ')}`
}

/** The rule's fields no event has (the coverage note above the results says more). */
function coverageTally(coverage: AnalysisResult['coverage']): string {
  const missing = (coverage ?? []).filter((f) => f.present === 0 && f.events > 0)
  if (missing.length === 0) return ''
  const names = missing.map((f) => f.field).join(', ')
  return ` · ${missing.length === 1 ? 'a rule field' : `${missing.length} rule fields`} in no event: ${names}`
}

export function evaluationStatus(
  view: AnalysisView,
): { message: string; tone: StatusTone } | undefined {
  if (view.failure && view.stale) return { message: view.failure, tone: 'error' }
  const timeout = view.timeout
  if (timeout && view.stale) {
    const seconds = timeout.budgetMs / 1000
    if (timeout.phase === 'parse') {
      return {
        message: `Stopped: parsing the events took longer than ${seconds} s. The worker was restarted.`,
        tone: 'error',
      }
    }
    const head = `Stopped after ${seconds} s: the rule ran past its time budget`
    if (timeout.part === undefined)
      return { message: `${head}; finding the slow part…`, tone: 'error' }
    if (timeout.part === null) {
      return {
        message: `${head}; no single part is slow on its own, the whole rule is too slow for these events. The worker was restarted.`,
        tone: 'error',
      }
    }
    const { identifier, item, range } = timeout.part
    const line = lineOf(timeout.ruleText, range[0])
    const then = timeout.repeated
      ? 'The detection is unchanged, so it was not run again; edit it to try again.'
      : 'The worker was restarted; edit the rule to try again.'
    return {
      message: `${head}: ${identifier} › ${item} (line ${line}) took too long. ${then}`,
      tone: 'error',
    }
  }
  if (view.progress === 'parse') return { message: 'Parsing events…', tone: 'busy' }
  if (view.progress === 'evaluate' && view.evaluated) {
    const { task, done, total } = view.evaluated
    const [doing, items] = TASK_LABEL[task]
    return { message: `${doing}… ${count(done)} of ${count(total)} ${items}`, tone: 'busy' }
  }
  const result = view.result
  if (!result) return undefined

  const ruleText = view.ruleText ?? ''
  const error = firstOf(result.diagnostics, 'error')
  if (error) {
    const count = result.diagnostics.filter((d) => d.severity === 'error').length
    const where = `line ${lineOf(ruleText, error.range[0])}`
    const more = count > 1 ? ` (+${count - 1} more)` : ''
    // The fix for a missing placeholder is not in the rule text: say where it is.
    const hint = error.code === 'UNRESOLVED_PLACEHOLDER' ? ' (set its values under Options)' : ''
    return { message: `Rule error, ${where}: ${error.message}${hint}${more}`, tone: 'error' }
  }
  const problem = eventsProblem(result.events.diagnostics, view.eventsText ?? '')
  if (problem) return { message: problem, tone: 'error' }

  const { events, matches } = result.counts
  const tally =
    (events === 0 ? 'No events' : `${count(matches)} of ${plural(events, 'event')} match`) +
    correlationTally(result.correlations) +
    coverageTally(result.coverage)
  const missingFields = coverageTally(result.coverage) !== ''
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length
  const time = view.elapsedMs === undefined ? '' : ` · ${Math.round(view.elapsedMs)} ms`
  if (warnings > 0)
    return { message: `${tally} · ${plural(warnings, 'warning')}${time}`, tone: 'warning' }
  return { message: `${tally}${time}`, tone: missingFields ? 'warning' : 'success' }
}
