/**
 * A compiled set over events: each detection rule's verdict per event, each event's time, and
 * the correlations over them. Pure and synchronous; the CLI and the worker call it alike.
 */
import { evaluateRule } from '../evaluate.ts'
import { asView, prepareEvent } from '../match/prepare-event.ts'
import type { EngineOptions } from '../types.ts'
import type { CompiledSet } from './compile-set.ts'
import { correlateSteps, type CorrelationReport } from './correlate.ts'
import { eventTime } from './event-time.ts'
import { drain, STEP_ITEMS, type Steps } from '../tuning/steps.ts'

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
  return drain(runSetSteps(set, events, options))
}

/**
 * The same run, pausing every few events with how far it got (of twice the events: verdicts,
 * then times), so the page's worker can report progress to its time budget.
 */
export function* runSetSteps(
  set: CompiledSet,
  events: readonly unknown[],
  options: RunOptions = {},
): Steps<SetRun> {
  const matches = set.rules.map(() => new Array<boolean>(events.length).fill(false))
  for (let e = 0; e < events.length; e++) {
    if (e > 0 && e % STEP_ITEMS === 0) yield e
    set.rules.forEach(({ rule }, r) => {
      try {
        ;(matches[r] as boolean[])[e] = rule ? evaluateRule(rule, events[e]) : false
      } catch {
        ;(matches[r] as boolean[])[e] = false
      }
    })
  }
  if (set.correlations.length === 0)
    return { matches, alerts: [], groups: [], untimed: [], untimedReasons: {}, times: [] }
  const reasons: Record<number, string> = {}
  const times = new Array<number | undefined>(events.length)
  for (let e = 0; e < events.length; e++) {
    if (e % STEP_ITEMS === 0) yield events.length + e
    const t = eventTime(events[e], options.timeField)
    if (t.ok) times[e] = t.ms
    else reasons[e] = t.reason
  }
  const views = new Map<number, ReturnType<typeof asView>>()
  const fieldOf = (event: number, field: string): unknown => {
    let view = views.get(event)
    if (!view) views.set(event, (view = asView(prepareEvent(events[event], options))))
    return view.resolve(field)?.value
  }
  const input = { correlations: set.correlations, matches, times, fieldOf }
  const report = yield* offset(correlateSteps(input), 2 * events.length)
  const untimedReasons: Record<number, string> = {}
  for (const e of report.untimed) untimedReasons[e] = reasons[e] ?? 'it has no time'
  return { ...report, matches, untimedReasons, times }
}

/** Progress of a later pass, counted on from `base`. */
function* offset<T>(steps: Steps<T>, base: number): Steps<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    yield base + step.value
  }
}
