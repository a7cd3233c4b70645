/**
 * Correlations over evaluated events (sigma-reference §8.4). Per correlation, in dependency
 * order: gather what the referenced rules matched (events, or the alerts of an inner
 * correlation: chains), group by the group-by fields (through aliases), and slide a window of
 * the timespan over each group in time order. A window that meets the condition raises one
 * alert with its events, and the next window starts after it. A group that never fires is told
 * why, in words.
 */
import { compare, isSliding, makeAggregate, type Hit } from './aggregate.ts'
import { formatTime } from './event-time.ts'
import type { CorrelationSource, ResolvedCorrelation } from './read-correlation.ts'
import { explainMiss } from './why-not.ts'
import { drain, STEP_ITEMS, type Steps } from '../tuning/steps.ts'

export type { ResolvedCorrelation, ResolvedReference } from './read-correlation.ts'

export interface CorrelationAlert {
  correlation: string
  group: Record<string, unknown>
  events: number[]
  first: string
  last: string
  firstMs: number
  lastMs: number
  /** The aggregate that met the condition (count, distinct values, sum…). */
  value: number
}

export interface GroupOutcome {
  correlation: string
  group: Record<string, unknown>
  /** Every event this group gathered, in time order. */
  events: number[]
  times: number[]
  alerts: number
  /** For a group that did not fire: why, in words. */
  why?: string
}

export interface CorrelationInput {
  correlations: readonly ResolvedCorrelation[]
  /** Per detection rule, per event: did it match. */
  matches: readonly (readonly boolean[])[]
  /** Per event, its time in ms, or undefined when it has none. */
  times: readonly (number | undefined)[]
  /** A field of an event, with the engine's lookup (dotted paths, event-log names). */
  fieldOf(event: number, field: string): unknown
}

export interface CorrelationReport {
  alerts: CorrelationAlert[]
  groups: GroupOutcome[]
  /** Events a correlation needed that have no time. */
  untimed: number[]
}

export function correlate(input: CorrelationInput): CorrelationReport {
  return drain(correlateSteps(input))
}

/** The same, pausing every few hits (yielding how many it handled) for the page's worker. */
export function* correlateSteps(input: CorrelationInput): Steps<CorrelationReport> {
  let handled = 0
  const alertsBy: CorrelationAlert[][] = input.correlations.map(() => [])
  const report: CorrelationReport = { alerts: [], groups: [], untimed: [] }
  const untimed = new Set<number>()
  for (const index of dependencyOrder(input.correlations)) {
    const c = input.correlations[index] as ResolvedCorrelation
    const hits = yield* gatherHits(c, input, alertsBy, untimed, () => handled)
    const groups = new Map<string, Hit[]>()
    for (const hit of hits) {
      if (++handled % STEP_ITEMS === 0) yield handled
      addToGroup(c, groups, hit)
    }
    for (const [, members] of groups) {
      handled += members.length
      yield handled
      members.sort((a, b) => a.ms - b.ms || (a.events[0] ?? 0) - (b.events[0] ?? 0))
      const group = groupRecord(c, members[0] as Hit)
      const fired = yield* slide(c.source, members, group, () => handled)
      ;(alertsBy[index] as CorrelationAlert[]).push(...fired)
      report.alerts.push(...fired)
      const outcome: GroupOutcome = {
        correlation: c.source.label,
        group,
        events: members.flatMap((h) => h.events),
        times: members.flatMap((h) => h.events.map(() => h.ms)),
        alerts: fired.length,
      }
      if (fired.length === 0) outcome.why = explainMiss(c, members)
      report.groups.push(outcome)
    }
  }
  report.untimed = [...untimed].sort((a, b) => a - b)
  return report
}

/** Inner correlations before the ones that use them (cycles were refused at compile time). */
function dependencyOrder(correlations: readonly ResolvedCorrelation[]): number[] {
  const order: number[] = []
  const state = new Map<number, 'visiting' | 'done'>()
  const visit = (i: number) => {
    if (state.has(i)) return
    state.set(i, 'visiting')
    for (const ref of correlations[i]?.refs ?? []) if (ref.kind === 'correlation') visit(ref.index)
    state.set(i, 'done')
    order.push(i)
  }
  correlations.forEach((_, i) => visit(i))
  return order
}

/**
 * What the correlation's rules matched, as hits. It reads every event's verdict (100,000 at a
 * time in the page), so it pauses like every other pass, yielding `progress()` unchanged.
 */
function* gatherHits(
  c: ResolvedCorrelation,
  input: CorrelationInput,
  alertsBy: readonly CorrelationAlert[][],
  untimed: Set<number>,
  progress: () => number,
): Steps<Hit[]> {
  const hits: Hit[] = []
  for (let source = 0; source < c.refs.length; source++) {
    const ref = c.refs[source] as ResolvedCorrelation['refs'][number]
    const ruleName = c.refNames[source] ?? ''
    const fieldName = (name: string) => c.source.aliases[name]?.[ruleName] ?? name
    if (ref.kind === 'correlation') {
      for (const alert of alertsBy[ref.index] ?? []) {
        const first = alert.events[0] ?? 0
        hits.push({
          source,
          ms: alert.lastMs,
          events: alert.events,
          field: (name) => alert.group[name] ?? input.fieldOf(first, fieldName(name)),
        })
      }
      continue
    }
    const matched = input.matches[ref.index] ?? []
    for (let e = 0; e < matched.length; e++) {
      if (e > 0 && e % STEP_ITEMS === 0) yield progress()
      if (!matched[e]) continue
      const ms = input.times[e]
      if (ms === undefined) {
        untimed.add(e)
        continue
      }
      hits.push({ source, ms, events: [e], field: (name) => input.fieldOf(e, fieldName(name)) })
    }
  }
  return hits
}

function addToGroup(c: ResolvedCorrelation, groups: Map<string, Hit[]>, hit: Hit): void {
  const key = JSON.stringify(c.source.groupBy.map((g) => hit.field(g) ?? null))
  const members = groups.get(key)
  if (members) members.push(hit)
  else groups.set(key, [hit])
}

function groupRecord(c: ResolvedCorrelation, hit: Hit): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const g of c.source.groupBy) record[g] = hit.field(g) ?? null
  return record
}

/**
 * Windows as long as the timespan. When a bigger window can only bring the aggregate closer to
 * the condition (counts, distinct values and sums against gt/gte), every window counts, so a
 * window starts at each hit in turn (sliding). Otherwise (lt, eq, averages, percentiles) a
 * window is the span after its first hit, and the next starts at the first hit after it, so a
 * tail of the data is not mistaken for a quiet window. One alert per firing window.
 */
function* slide(
  c: CorrelationSource,
  hits: readonly Hit[],
  group: Record<string, unknown>,
  progress: () => number,
): Steps<CorrelationAlert[]> {
  const sliding = isSliding(c)
  const alerts: CorrelationAlert[] = []
  const aggregate = makeAggregate(c)
  let end = 0
  // A group can hold every event: pause now and then within it too (by windows tried and hits
  // added, since a window that fires jumps past its hits).
  let work = 0
  for (let start = 0; start < hits.length; start++) {
    if (++work >= STEP_ITEMS) {
      work = 0
      yield progress()
    }
    const first = hits[start] as Hit
    if (end < start) end = start
    while (end < hits.length && (hits[end] as Hit).ms <= first.ms + c.timespanMs) {
      aggregate.add(hits[end++] as Hit)
      work++
    }
    const value = aggregate.value()
    if (!Number.isNaN(value) && compare(c.condition.op, value, c.condition.value)) {
      const window = hits.slice(start, end)
      const last = window[window.length - 1] as Hit
      alerts.push({
        correlation: c.label,
        group,
        events: [...new Set(window.flatMap((h) => h.events))].sort((a, b) => a - b),
        first: formatTime(first.ms),
        last: formatTime(last.ms),
        firstMs: first.ms,
        lastMs: last.ms,
        value,
      })
      aggregate.reset()
      start = end - 1
      continue
    }
    if (sliding) aggregate.remove(first)
    else {
      aggregate.reset()
      start = end - 1
    }
  }
  return alerts
}
