/**
 * Why a group did not fire, in the words the timeline shows: "count 7 of 10 within 5m",
 * "`login_ok` came before `many_failed`", "outside the timespan by 40 s".
 */
import { isSliding, makeAggregate, orderedPrefix, type Hit } from './aggregate.ts'
import type { ResolvedCorrelation } from './read-correlation.ts'

/** Above this many hits in one group, the closest-window search is skipped (it is quadratic). */
const CLOSEST_LIMIT = 5000

export function explainMiss(c: ResolvedCorrelation, hits: readonly Hit[]): string {
  const s = c.source
  const names = c.refNames.map((n, i) => n || s.rules[i]?.ref || `rule ${i + 1}`)
  if (s.type === 'temporal' || s.type === 'temporal_ordered') {
    const seen = new Set(hits.map((h) => h.source))
    const missing = names.filter((_, i) => !seen.has(i))
    if (missing.length > 0)
      return `no event of ${missing.map((m) => `\`${m}\``).join(', ')} in this group`
    if (hits.length <= CLOSEST_LIMIT) {
      const closest = closestSpan(hits, s.type === 'temporal_ordered', names.length)
      if (closest === undefined) {
        const firstLast = lastBefore(hits, names)
        return firstLast ?? 'the rules never matched in the listed order'
      }
      if (closest > s.timespanMs)
        return `outside the timespan by ${duration(closest - s.timespanMs)} (the closest ${s.type === 'temporal_ordered' ? 'ordered ' : ''}events are ${duration(closest)} apart, the timespan is ${s.timespanText})`
    }
    return `the condition ${s.condition.op} ${s.condition.value} was not met within ${s.timespanText}`
  }
  const best = bestWindow(c, hits)
  const what = s.type === 'event_count' ? 'count' : s.type.replace('_', ' ')
  const { op, value } = s.condition
  if (Number.isNaN(best))
    return `${what} unknown (no usable values) within ${s.timespanText}; the condition is ${op} ${value}`
  // "count 7 of 10": how far the best window came towards a threshold it had to reach.
  const of = op === 'gte' ? ` of ${value}` : op === 'gt' ? ` of more than ${value}` : ''
  return `${what} ${round(best)}${of} within ${s.timespanText} at best; the condition is ${op} ${value}`
}

/** The aggregate of the window that came closest to the threshold. */
function bestWindow(c: ResolvedCorrelation, hits: readonly Hit[]): number {
  const s = c.source
  const aggregate = makeAggregate(s)
  const wantsHigh = s.condition.op === 'gt' || s.condition.op === 'gte'
  const sliding = isSliding(s)
  let best = NaN
  let end = 0
  for (let start = 0; start < hits.length; start++) {
    const first = hits[start] as Hit
    if (end < start) end = start
    while (end < hits.length && (hits[end] as Hit).ms <= first.ms + s.timespanMs)
      aggregate.add(hits[end++] as Hit)
    const v = aggregate.value()
    if (!Number.isNaN(v)) {
      const closer = wantsHigh
        ? v > best
        : Math.abs(v - s.condition.value) < Math.abs(best - s.condition.value)
      if (Number.isNaN(best) || closer) best = v
    }
    if (sliding) aggregate.remove(first)
    else {
      aggregate.reset()
      start = end - 1
    }
  }
  return best
}

/** The shortest time covering every rule (in order when `ordered`), or undefined if none does. */
function closestSpan(hits: readonly Hit[], ordered: boolean, rules: number): number | undefined {
  let best: number | undefined
  for (let start = 0; start < hits.length; start++) {
    const first = hits[start] as Hit
    if (ordered && first.source !== 0) continue
    const seen = new Set<number>()
    const tail: Hit[] = []
    for (let i = start; i < hits.length; i++) {
      const hit = hits[i] as Hit
      tail.push(hit)
      seen.add(hit.source)
      const done = ordered ? orderedPrefix(tail) === rules : seen.size === rules
      if (done) {
        const span = hit.ms - first.ms
        if (best === undefined || span < best) best = span
        break
      }
    }
  }
  return best
}

/** For an ordered correlation whose rules all matched but never in order: which came first. */
function lastBefore(hits: readonly Hit[], names: readonly string[]): string | undefined {
  for (let k = 1; k < names.length; k++) {
    const firstOfPrevious = hits.find((h) => h.source === k - 1)
    const lastOfThis = [...hits].reverse().find((h) => h.source === k)
    if (firstOfPrevious && lastOfThis && lastOfThis.ms < firstOfPrevious.ms)
      return `\`${names[k]}\` came before \`${names[k - 1]}\``
  }
  return undefined
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 120) return `${s} s`
  if (s < 7200) return `${Math.round(s / 60)} min`
  return `${Math.round(s / 3600)} h`
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2)
}
