/**
 * A compiled set over events: each detection rule's verdict per event, each event's time, and
 * the correlations over them. Pure and synchronous; the CLI and the worker call it alike.
 */
import { evaluateRule } from '../evaluate.ts'
import { asView, prepareEvent } from '../match/prepare-event.ts'
import type { EngineOptions } from '../types.ts'
import type { CompiledSet } from './compile-set.ts'
import { correlate, type CorrelationReport } from './correlate.ts'
import { eventTime } from './event-time.ts'

export interface SetRun extends CorrelationReport {
  /** Per detection rule, per event. */
  matches: boolean[][]
  /** Why each untimed event has no time, by event index. */
  untimedReasons: Record<number, string>
  /** Each event's own time in ms (undefined: none, or no correlation to need it). */
  times: (number | undefined)[]
}

/** `timeField` (EngineOptions) names the event field holding the time. */
export type RunOptions = EngineOptions

export function runSet(
  set: CompiledSet,
  events: readonly unknown[],
  options: RunOptions = {},
): SetRun {
  const matches = set.rules.map(({ rule }) =>
    events.map((raw) => {
      try {
        return rule ? evaluateRule(rule, raw) : false
      } catch {
        return false
      }
    }),
  )
  if (set.correlations.length === 0)
    return { matches, alerts: [], groups: [], untimed: [], untimedReasons: {}, times: [] }
  const reasons: Record<number, string> = {}
  const times = events.map((raw, i) => {
    const t = eventTime(raw, options.timeField)
    if (t.ok) return t.ms
    reasons[i] = t.reason
    return undefined
  })
  const views = new Map<number, ReturnType<typeof asView>>()
  const fieldOf = (event: number, field: string): unknown => {
    let view = views.get(event)
    if (!view) views.set(event, (view = asView(prepareEvent(events[event], options))))
    return view.resolve(field)?.value
  }
  const report = correlate({ correlations: set.correlations, matches, times, fieldOf })
  const untimedReasons: Record<number, string> = {}
  for (const e of report.untimed) untimedReasons[e] = reasons[e] ?? 'it has no time'
  return { ...report, matches, untimedReasons, times }
}
