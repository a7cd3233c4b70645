/**
 * What a correlation counts inside one window, kept up to date as the window slides: events
 * added at its end and removed at its start. Counting types are O(1) per step; the ordered and
 * percentile types look at the whole window when asked.
 */
import type { CorrelationSource, Operator } from './read-correlation.ts'

/** One thing a correlation counts: an event matched by a referenced rule, or an inner alert. */
export interface Hit {
  /** Position of the reference in the correlation's `rules`. */
  source: number
  ms: number
  events: number[]
  field(name: string): unknown
}

export interface Aggregate {
  add(hit: Hit): void
  remove(hit: Hit): void
  value(): number
  reset(): void
}

export function compare(op: Operator, value: number, threshold: number): boolean {
  switch (op) {
    case 'gt':
      return value > threshold
    case 'gte':
      return value >= threshold
    case 'lt':
      return value < threshold
    case 'lte':
      return value <= threshold
    case 'eq':
      return value === threshold
    case 'neq':
      return value !== threshold
  }
}

/** A count of keys: how many distinct keys have a non-zero count. */
class Tally {
  private readonly counts = new Map<unknown, number>()
  add(key: unknown): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
  }
  remove(key: unknown): void {
    const n = (this.counts.get(key) ?? 0) - 1
    if (n <= 0) this.counts.delete(key)
    else this.counts.set(key, n)
  }
  get size(): number {
    return this.counts.size
  }
  clear(): void {
    this.counts.clear()
  }
}

/** Can a bigger window only bring the aggregate closer to the condition? Then windows slide. */
export function isSliding(c: CorrelationSource): boolean {
  return (
    (c.condition.op === 'gt' || c.condition.op === 'gte') &&
    ['event_count', 'value_count', 'value_sum', 'temporal', 'temporal_ordered'].includes(c.type)
  )
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** A distinct-value key: scalars as themselves, anything else as its JSON. */
function valueKey(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value
}

export function makeAggregate(c: CorrelationSource): Aggregate {
  const field = c.condition.field ?? ''
  switch (c.type) {
    case 'event_count': {
      let n = 0
      return { add: () => n++, remove: () => n--, value: () => n, reset: () => (n = 0) }
    }
    case 'value_count': {
      const tally = new Tally()
      const key = (h: Hit) => h.field(field)
      return {
        add: (h) => key(h) !== undefined && tally.add(valueKey(key(h))),
        remove: (h) => key(h) !== undefined && tally.remove(valueKey(key(h))),
        value: () => tally.size,
        reset: () => tally.clear(),
      }
    }
    case 'temporal': {
      const tally = new Tally()
      return {
        add: (h) => tally.add(h.source),
        remove: (h) => tally.remove(h.source),
        value: () => tally.size,
        reset: () => tally.clear(),
      }
    }
    case 'value_sum':
    case 'value_avg': {
      let sum = 0
      let n = 0
      const num = (h: Hit) => numberOf(h.field(field))
      const step = (h: Hit, sign: number) => {
        const v = num(h)
        if (v === undefined) return
        sum += sign * v
        n += sign
      }
      return {
        add: (h) => step(h, 1),
        remove: (h) => step(h, -1),
        value: () => (c.type === 'value_sum' ? sum : n === 0 ? NaN : sum / n),
        reset: () => ((sum = 0), (n = 0)),
      }
    }
    default:
      return windowAggregate(c)
  }
}

/** temporal_ordered, value_percentile and value_median: computed from the window itself. */
function windowAggregate(c: CorrelationSource): Aggregate {
  const window: Hit[] = []
  const value =
    c.type === 'temporal_ordered'
      ? () => orderedPrefix(window)
      : () => percentile(window, c.condition.field ?? '', c.condition.percentile ?? 50)
  return {
    add: (h) => window.push(h),
    remove: (h) => {
      if (window[0] === h) window.shift()
      else window.splice(window.indexOf(h), 1)
    },
    value,
    reset: () => (window.length = 0),
  }
}

/** How many of the referenced rules, in their listed order, occur one after another. */
export function orderedPrefix(hits: readonly Hit[]): number {
  let next = 0
  for (const hit of hits) if (hit.source === next) next++
  return next
}

/** The nearest-rank percentile of the numeric values of `field`. */
function percentile(hits: readonly Hit[], field: string, p: number): number {
  const values = hits
    .map((h) => numberOf(h.field(field)))
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b)
  if (values.length === 0) return NaN
  const rank = Math.max(1, Math.ceil((p / 100) * values.length))
  return values[Math.min(rank, values.length) - 1] as number
}
