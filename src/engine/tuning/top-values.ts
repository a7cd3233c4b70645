/**
 * Top values: for the events in view, each field's most common values, fields ordered by how
 * well their values tell the matches from the non-matches. That is where false positives show
 * what they have in common (the same parent process, user or path).
 */
import type { FieldIndex } from './field-index.ts'
import { drain, STEP_ITEMS, type Steps } from './steps.ts'
import type { FieldTop, TopValue } from './types.ts'

/** Values listed per field: the page shows ten and expands to the rest. */
export const VALUES_PER_FIELD = 50
/** Fields listed at most (the least telling ones are dropped). */
export const MAX_FIELDS = 60

/** Values ranked between two pauses once the events are counted (a field can hold 100,000). */
const STEP_VALUES = 16_384

/** One field's counts in view: `count[base + v]` events have value `v`, `matched` of them match. */
interface FieldCounts {
  base: number
  distinctIds: number
  present: number
  matches: number
  count: Uint32Array
  matched: Uint32Array
}

/**
 * The score, 0..1. With matches and non-matches both in view: the total variation distance
 * between the field's value distribution among the matches and among the non-matches (1 when
 * no value is shared, 0 when both look alike). With only one kind in view there is nothing to
 * separate, so the share of the most common value stands in: a field where one value
 * dominates is where a common cause shows. A field with one value or all-distinct values tells
 * nothing and scores 0.
 */
function score(t: FieldCounts, distinct: number, matches: number, others: number): number {
  if (distinct <= 1 || distinct === t.present) return 0
  const end = t.base + t.distinctIds
  if (matches > 0 && others > 0) {
    // Summed over the common denominator `matches × others`: whole numbers, so the score does
    // not depend on the order the values come in, and equal fields tie exactly.
    let distance = 0
    for (let s = t.base; s < end; s++) {
      const n = t.count[s] as number
      if (n === 0) continue
      const m = t.matched[s] as number
      distance += Math.abs(m * others - (n - m) * matches)
    }
    // A value missing from an event counts as the value "absent".
    const absentMatches = matches - t.matches
    const absentOthers = others - (t.present - t.matches)
    distance += Math.abs(absentMatches * others - absentOthers * matches)
    return distance / (2 * matches * others)
  }
  let top = 0
  for (let s = t.base; s < end; s++) top = Math.max(top, t.count[s] as number)
  return top / Math.max(1, matches + others)
}

/**
 * The `limit` most common values of one field, most common first (ties in value order), kept in
 * a heap whose root is the weakest: one comparison for most values, no sort of them all.
 */
function* mostCommon(
  t: FieldCounts,
  names: readonly string[],
  limit: number,
  pause: number,
): Steps<TopValue[]> {
  const { count, base } = t
  // True when value a ranks above value b.
  const above = (a: number, b: number) => {
    const ca = count[base + a] as number
    const cb = count[base + b] as number
    return ca !== cb ? ca > cb : (names[a] as string) < (names[b] as string)
  }
  const heap: number[] = []
  const siftDown = (at: number) => {
    for (;;) {
      const l = 2 * at + 1
      const r = l + 1
      let weakest = at
      if (l < heap.length && above(heap[weakest] as number, heap[l] as number)) weakest = l
      if (r < heap.length && above(heap[weakest] as number, heap[r] as number)) weakest = r
      if (weakest === at) return
      ;[heap[at], heap[weakest]] = [heap[weakest] as number, heap[at] as number]
      at = weakest
    }
  }
  for (let v = 0; v < t.distinctIds; v++) {
    if (v > 0 && v % STEP_VALUES === 0) yield pause
    if (count[base + v] === 0) continue
    if (heap.length < limit) {
      heap.push(v)
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1
        if (!above(heap[parent] as number, heap[at] as number)) break
        ;[heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number]
        at = parent
      }
    } else if (above(v, heap[0] as number)) {
      heap[0] = v
      siftDown(0)
    }
  }
  heap.sort((a, b) => (above(a, b) ? -1 : 1))
  return heap.map((v) => ({
    value: names[v] as string,
    count: count[base + v] as number,
    matches: t.matched[base + v] as number,
  }))
}

export function topValues(
  indices: ArrayLike<number>,
  index: FieldIndex,
  match: Uint8Array,
): FieldTop[] {
  return drain(topValueSteps(indices, index, match))
}

/** `topValues`, yielding the number of events tallied so far (see steps.ts). */
export function* topValueSteps(
  indices: ArrayLike<number>,
  index: FieldIndex,
  match: Uint8Array,
): Steps<FieldTop[]> {
  const fieldCount = index.fields.length
  const bases = new Uint32Array(fieldCount + 1)
  for (let f = 0; f < fieldCount; f++)
    bases[f + 1] = (bases[f] as number) + (index.values[f] as string[]).length
  const slots = bases[fieldCount] as number
  const count = new Uint32Array(slots)
  const matched = new Uint32Array(slots)
  const present = new Uint32Array(fieldCount)
  const presentMatches = new Uint32Array(fieldCount)
  const { offsets, pairField, pairValue } = index
  let matches = 0
  for (let k = 0; k < indices.length; k++) {
    if (k > 0 && k % STEP_ITEMS === 0) yield k
    const i = indices[k] as number
    const isMatch = match[i] === 1 ? 1 : 0
    matches += isMatch
    let last = -1
    const end = offsets[i + 1] as number
    for (let p = offsets[i] as number; p < end; p++) {
      const f = pairField[p] as number
      // A list gives one pair per element, all in a row: the event counts once for the field.
      if (f !== last) {
        present[f] = (present[f] as number) + 1
        presentMatches[f] = (presentMatches[f] as number) + isMatch
        last = f
      }
      const slot = (bases[f] as number) + (pairValue[p] as number)
      count[slot] = (count[slot] as number) + 1
      matched[slot] = (matched[slot] as number) + isMatch
    }
  }
  const others = indices.length - matches
  const out: FieldTop[] = []
  for (let f = 0; f < fieldCount; f++) {
    if (present[f] === 0) continue
    const names = index.values[f] as string[]
    const t: FieldCounts = {
      base: bases[f] as number,
      distinctIds: names.length,
      present: present[f] as number,
      matches: presentMatches[f] as number,
      count,
      matched,
    }
    let distinct = 0
    for (let s = t.base; s < t.base + t.distinctIds; s++) if (count[s] !== 0) distinct++
    const values = yield* mostCommon(t, names, VALUES_PER_FIELD, indices.length)
    out.push({
      field: index.fields[f] as string,
      score: score(t, distinct, matches, others),
      distinct,
      present: t.present,
      values,
    })
    // A field of many values takes a while to rank: pause between fields too.
    if (names.length >= STEP_VALUES) yield indices.length
  }
  out.sort((a, b) => b.score - a.score || b.present - a.present || (a.field < b.field ? -1 : 1))
  return out.slice(0, MAX_FIELDS)
}
