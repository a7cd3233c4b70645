/**
 * Screening facts. A part's screen is a list of clauses, each a set of lower-case strings:
 * every event the part matches holds, for every clause, at least one of its strings in some
 * value. An empty list promises nothing (the part must always be evaluated).
 *
 * Derived from the values after every modifier has run (so windash, base64offset and wide
 * give their real variants), and only where a match implies the substring: string patterns,
 * whose literal runs the event value must contain. Values with no such run (numbers, which
 * compare numerically, regexes, CIDR, compare) still need their field to be there: the
 * field's name is then the clause (the haystack holds key names too). null, `exists: false`
 * and negations promise nothing.
 */
import type { Alternative, TypedValue } from '../modifiers/typed-value.ts'

export type Clause = readonly string[]
export type Screen = readonly Clause[]

/** More clauses screen harder and cost little: an event must hold every one. */
const MAX_CLAUSES = 6

export const NOTHING_KNOWN: Screen = []

function valueNeedle(value: TypedValue): string | null {
  // A whole number is matched by any decimal text of it: its digits with optional sign,
  // leading zeros, zero fraction or spaces hold them; the haystack writes exponent forms out.
  if (value.kind === 'number')
    return Number.isSafeInteger(value.value) && value.value >= 0 ? String(value.value) : null
  if (value.kind !== 'string') return null
  let longest = ''
  for (const token of value.tokens)
    if (token.t === 'lit' && token.s.length > longest.length) longest = token.s
  // The engine folds case with toLowerCase on both sides, so a folded needle is still inside.
  return longest === '' ? null : longest.toLowerCase()
}

/** A clause is as selective as its shortest string (short strings occur everywhere). */
function selectivity(clause: Clause): number {
  let shortest = Infinity
  for (const needle of clause) shortest = Math.min(shortest, needle.length)
  return shortest * 1000 - clause.length
}

function bestFirst(clauses: Clause[]): Screen {
  const seen = new Set<string>()
  const unique = clauses.filter((clause) => {
    const key = [...clause].sort().join('\u0000')
    return seen.has(key) ? false : (seen.add(key), true)
  })
  return unique.sort((a, b) => selectivity(b) - selectivity(a)).slice(0, MAX_CLAUSES)
}

/** All parts match: every part's clauses hold; keep the most selective. */
export function allOf(parts: readonly Screen[]): Screen {
  return bestFirst(parts.flat())
}

/**
 * Any part matches: a clause made of one clause from each part holds (whichever part
 * matched, its clause did). Pairs the parts' clauses best with best, second with second.
 */
export function anyOf(parts: readonly Screen[]): Screen {
  if (parts.length === 0 || parts.some((part) => part.length === 0)) return NOTHING_KNOWN
  const width = Math.max(...parts.map((part) => part.length))
  const clauses: Clause[] = []
  for (let i = 0; i < width; i++) {
    const union = new Set<string>()
    for (const part of parts)
      for (const needle of part[Math.min(i, part.length - 1)] ?? []) union.add(needle)
    clauses.push([...union])
  }
  return bestFirst(clauses)
}

/** One rule value: any of its alternatives (expansions) may be the one that matched. */
function valueScreen(alternatives: readonly Alternative[]): Screen {
  const needles = alternatives.map((alt) => valueNeedle(alt.value))
  if (needles.length === 0 || needles.some((n) => n === null)) return NOTHING_KNOWN
  return [[...new Set(needles as string[])]]
}

/** Does matching this value need its field to hold something (not null, not absent)? */
function needsField(alternatives: readonly Alternative[]): boolean {
  return alternatives.every(
    ({ value }) => value.kind !== 'null' && !(value.kind === 'exists' && !value.value),
  )
}

/**
 * However the engine finds a field (a literal key, a dotted path, event-log flattening that
 * joins `Elem_attr` or drops spaces), each run of letters and digits of its name is part of
 * some key, so the longest run is a sound clause.
 */
function fieldClause(field: string): Screen {
  let longest = ''
  for (const run of field.toLowerCase().split(/[^a-z0-9]+/))
    if (run.length > longest.length) longest = run
  return longest === '' ? NOTHING_KNOWN : [[longest]]
}

/**
 * A field or keyword item: values OR (or AND with `all`); a negated item promises nothing.
 * `field` is the event field looked up (after the field map), null for keywords.
 */
export function itemScreen(
  values: readonly Alternative[][],
  linking: 'or' | 'and',
  negated: boolean,
  field: string | null,
): Screen {
  if (negated) return NOTHING_KNOWN
  const each = values.map(valueScreen)
  const screen = linking === 'and' ? allOf(each) : anyOf(each)
  if (screen.length > 0 || field === null || values.length === 0) return screen
  return values.every(needsField) ? fieldClause(field) : NOTHING_KNOWN
}
