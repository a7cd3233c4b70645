/**
 * Correlation documents in the rule editor, run over the events with the engine's own
 * `runSet` (no second implementation), cut to what the timeline draws: per correlation and
 * group, the events with their times, the windows that fired and, for a group that did not
 * fire, the engine's why-not. Every correlation document is accounted for: evaluated, or named
 * with why it was not. Pure: it runs in the worker and in Node tests alike. It pauses as
 * runSetSteps does, yielding how far it got (see there).
 */
import { compileSet, isSliding, runSetSteps } from '../engine/index.ts'
import type {
  CorrelationAlert,
  Diagnostic,
  EngineOptions,
  Range,
  SetRule,
} from '../engine/index.ts'

/** Events drawn per group and per window at most: the timeline says how many more there are. */
export const TIMELINE_EVENT_LIMIT = 400
/** Windows drawn per group at most; `alerts` counts them all. */
export const WINDOW_LIMIT = 100

export interface TimelineCorrelation {
  label: string
  type: string
  timespan: string
  /** `gte 10`, `field Bytes gt 1000`… */
  condition: string
  /** The rules (or correlations) it names, as written. */
  rules: string[]
  /** Where pySigma and the specification differ on this document (shown on hover). */
  notes: string[]
  /** Every window of the timespan counts (true), or each starts after the last one ended. */
  sliding: boolean
}

export interface TimelineWindow {
  firstMs: number
  lastMs: number
  events: number[]
  /** The aggregate that met the condition. */
  value: number
}

export interface TimelineGroup {
  correlation: string
  /** `User=bob, Computer=WS1`, or `all events` without group-by. */
  key: string
  /** Up to TIMELINE_EVENT_LIMIT events, in time order, each with its own time. */
  events: number[]
  times: number[]
  /** Events the group gathered in all. */
  total: number
  /** Up to WINDOW_LIMIT windows that fired. */
  windows: TimelineWindow[]
  /** Alerts the group raised in all. */
  alerts: number
  why?: string
}

export interface CorrelationView {
  correlations: TimelineCorrelation[]
  groups: TimelineGroup[]
  /** Events a correlation needed that have no time (or one that does not parse), with why. */
  untimed: { count: number; first: { event: number; reason: string }[] }
  /** Correlation documents not evaluated (their errors are in the diagnostics). */
  notEvaluated: number
}

const within = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1]

export function groupKey(group: Record<string, unknown>): string {
  const parts = Object.entries(group).map(
    ([field, value]) => `${field}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
  )
  return parts.length === 0 ? 'all events' : parts.join(', ')
}

/**
 * The timeline, and the rule's diagnostics corrected for a text whose correlations are now
 * evaluated: `ruleDiagnostics` are those of the first rule (compileRule), which calls every
 * correlation "not evaluated" and every other rule "left aside".
 */
export function* runCorrelations(
  text: string,
  options: EngineOptions,
  events: readonly unknown[],
  ruleDiagnostics: readonly Diagnostic[],
): Generator<
  number,
  {
    view: CorrelationView
    diagnostics: Diagnostic[]
    /** Every detection rule's verdicts, as the run has them (rule-verdicts.ts reuses them). */
    rules: SetRule[]
    matches: boolean[][]
  }
> {
  const set = compileSet(text, options)
  const run = yield* runSetSteps(set, events, options)
  const evaluated = set.correlations.map((c) => c.source)
  const used = new Set<number>()
  for (const c of set.correlations)
    for (const ref of c.refs) if (ref.kind === 'rule') used.add(ref.index)
  const firstRule = set.rules[0]?.label ?? 'the first rule'

  const diagnostics: Diagnostic[] = []
  let notEvaluated = 0
  for (const d of ruleDiagnostics) {
    if (d.code === 'CORRELATION_RULE') {
      if (evaluated.some((s) => s.keyRange[0] === d.range[0])) continue
      notEvaluated++
      diagnostics.push({
        ...d,
        severity: 'warning',
        message:
          'This correlation is not evaluated: fix the errors in it or in the rules it names.',
      })
    } else if (d.code === 'MULTIPLE_DOCUMENTS') {
      const rule = set.rules.findIndex((r) => within(d.range, r.range))
      if (rule < 0 || !used.has(rule)) diagnostics.push(d)
      else
        diagnostics.push({
          ...d,
          severity: 'info',
          message: `Evaluated for the correlations (see the timeline); the result rows show the first rule, ${firstRule}.`,
        })
    } else diagnostics.push(d)
  }
  const seen = new Set(diagnostics.map((d) => `${d.code}:${d.range[0]}:${d.range[1]}`))
  for (const d of set.diagnostics)
    if (!seen.has(`${d.code}:${d.range[0]}:${d.range[1]}`)) diagnostics.push(d)
  diagnostics.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])

  const correlations = evaluated.map((s) => ({
    label: s.label,
    type: s.type,
    timespan: s.timespanText,
    condition: [
      s.condition.field && `field ${s.condition.field}`,
      s.condition.percentile !== undefined && `percentile ${s.condition.percentile}`,
      `${s.condition.op} ${s.condition.value}`,
    ]
      .filter(Boolean)
      .join(' · '),
    rules: s.rules.map((r) => r.ref),
    sliding: isSliding(s),
    notes: set.diagnostics
      .filter((d) => d.code === 'CORRELATION_EXTENSION' && within(d.range, s.documentRange))
      .map((d) => d.message),
  }))

  const alertsBy = new Map<string, CorrelationAlert[]>()
  for (const a of run.alerts) {
    const id = `${a.correlation}\u0000${groupKey(a.group)}`
    alertsBy.set(id, [...(alertsBy.get(id) ?? []), a])
  }
  const groups: TimelineGroup[] = []
  for (const g of run.groups) {
    yield 3 * events.length
    const key = groupKey(g.group)
    // Each event at its own time (an inner correlation's events come in at its alert's time).
    const distinct = [...new Set(g.events)]
    const withTimes = distinct
      .map((event) => ({ event, ms: run.times[event] }))
      .filter((e): e is { event: number; ms: number } => e.ms !== undefined)
    // The engine gives a group's events in time order already, unless a chain brought in an
    // inner alert's events: sort (100,000 events at a time here) only then.
    const inOrder = withTimes.every(
      (e, i) =>
        i === 0 ||
        !(
          e.ms < withTimes[i - 1]!.ms ||
          (e.ms === withTimes[i - 1]!.ms && e.event < withTimes[i - 1]!.event)
        ),
    )
    if (!inOrder) withTimes.sort((a, b) => a.ms - b.ms || a.event - b.event)
    const timed = withTimes.slice(0, TIMELINE_EVENT_LIMIT)
    const alerts = alertsBy.get(`${g.correlation}\u0000${key}`) ?? []
    const windows = alerts.slice(0, WINDOW_LIMIT).map((a) => ({
      // The band covers the events that made the alert (a chain's start before its own window).
      firstMs: a.events.reduce((min, e) => Math.min(min, run.times[e] ?? min), a.firstMs),
      lastMs: a.lastMs,
      events: a.events.slice(0, TIMELINE_EVENT_LIMIT),
      value: a.value,
    }))
    groups.push({
      correlation: g.correlation,
      key,
      events: timed.map((e) => e.event),
      times: timed.map((e) => e.ms),
      total: distinct.length,
      windows,
      alerts: alerts.length,
      ...(g.why !== undefined ? { why: g.why } : {}),
    })
  }

  const untimed = {
    count: run.untimed.length,
    first: run.untimed
      .slice(0, 20)
      .map((event) => ({ event, reason: run.untimedReasons[event] ?? 'it has no time' })),
  }
  const view = { correlations, groups, untimed, notEvaluated }
  return { view, diagnostics, rules: set.rules, matches: run.matches }
}
