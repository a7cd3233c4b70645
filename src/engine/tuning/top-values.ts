/**
 * Top values: for the events in view, each field's most common values, fields ordered by how
 * well their values tell the matches from the non-matches. That is where false positives show
 * what they have in common (the same parent process, user or path).
 */
import type { FieldPairs } from './event-fields.ts'
import { drain, STEP_ITEMS, type Steps } from './steps.ts'
import type { FieldTop, TopValue } from './types.ts'

/** Values listed per field: the page shows ten and expands to the rest. */
export const VALUES_PER_FIELD = 50
/** Fields listed at most (the least telling ones are dropped). */
export const MAX_FIELDS = 60

interface Tally {
  present: number
  matches: number
  values: Map<string, { count: number; matches: number }>
}

/**
 * The score, 0..1. With matches and non-matches both in view: the total variation distance
 * between the field's value distribution among the matches and among the non-matches (1 when
 * no value is shared, 0 when both look alike). With only one kind in view there is nothing to
 * separate, so the share of the most common value stands in: a field where one value
 * dominates is where a common cause shows. A field with one value or all-distinct values tells
 * nothing and scores 0.
 */
function score(t: Tally, matches: number, others: number): number {
  const distinct = t.values.size
  if (distinct <= 1 || distinct === t.present) return 0
  if (matches > 0 && others > 0) {
    let distance = 0
    for (const v of t.values.values()) {
      distance += Math.abs(v.matches / matches - (v.count - v.matches) / others)
    }
    // A value missing from an event counts as the value "absent".
    const absentMatches = matches - t.matches
    const absentOthers = others - (t.present - t.matches)
    distance += Math.abs(absentMatches / matches - absentOthers / others)
    return distance / 2
  }
  let top = 0
  for (const v of t.values.values()) top = Math.max(top, v.count)
  return top / Math.max(1, matches + others)
}

export function topValues(
  indices: ArrayLike<number>,
  fieldsOf: (index: number) => FieldPairs,
  match: Uint8Array,
): FieldTop[] {
  return drain(topValueSteps(indices, fieldsOf, match))
}

/** `topValues`, yielding the number of events tallied so far (see steps.ts). */
export function* topValueSteps(
  indices: ArrayLike<number>,
  fieldsOf: (index: number) => FieldPairs,
  match: Uint8Array,
): Steps<FieldTop[]> {
  const tallies = new Map<string, Tally>()
  let matches = 0
  for (let k = 0; k < indices.length; k++) {
    if (k > 0 && k % STEP_ITEMS === 0) yield k
    const i = indices[k] as number
    const isMatch = match[i] === 1
    if (isMatch) matches++
    let last = ''
    for (const [field, value] of fieldsOf(i)) {
      let t = tallies.get(field)
      if (!t) tallies.set(field, (t = { present: 0, matches: 0, values: new Map() }))
      // A list gives one pair per element, all in a row: the event counts once for the field.
      if (field !== last) {
        t.present++
        if (isMatch) t.matches++
      }
      last = field
      const v = t.values.get(value)
      if (v) {
        v.count++
        if (isMatch) v.matches++
      } else t.values.set(value, { count: 1, matches: isMatch ? 1 : 0 })
    }
  }
  const others = indices.length - matches
  const out: FieldTop[] = []
  for (const [field, t] of tallies) {
    const values: TopValue[] = []
    for (const [value, v] of t.values) values.push({ value, count: v.count, matches: v.matches })
    values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    out.push({
      field,
      score: score(t, matches, others),
      distinct: t.values.size,
      present: t.present,
      values: values.slice(0, VALUES_PER_FIELD),
    })
  }
  out.sort((a, b) => b.score - a.score || b.present - a.present || (a.field < b.field ? -1 : 1))
  return out.slice(0, MAX_FIELDS)
}
