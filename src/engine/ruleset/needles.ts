/**
 * Screening facts. A part's screen is a list of clauses, each a set of needles: every event
 * the part matches holds, for every clause, at least one of its needles. An empty list
 * promises nothing (the part must always be evaluated).
 *
 * A needle is a lower-case string inside one field's values (as the engine looks the field
 * up: the event's own spelling, dotted paths, event-log flattening), or, for keywords, inside
 * any value. A field needle with no text only says the field is there.
 *
 * Derived from the values after every modifier has run (so windash, base64offset and wide
 * give their real variants), and only where a match implies the substring: string patterns,
 * whose literal runs the event value must contain, and whole numbers, whose digits any
 * decimal text of them holds, and regexes, whose required literal runs (regex-needle.ts) every
 * match holds. Values with no such run (CIDR, compare, booleans, regexes with none)
 * still need their field to be there. null, `exists: false` and negations promise nothing,
 * but their misses do: an event a `Field: null` item misses has the field (negatedItemScreen).
 */
import type { Alternative, TypedValue } from '../modifiers/typed-value.ts'
import { regexNeedle } from './regex-needle.ts'

export interface Needle {
  /** The event field whose values hold the text; null: any value (keywords). */
  readonly field: string | null
  /** Lower-case text; '' (field needles only): the field is there. */
  readonly text: string
}
export type Clause = readonly Needle[]
export type Screen = readonly Clause[]

/** More clauses screen harder and cost little: an event must hold every one. */
const MAX_CLAUSES = 6

export const NOTHING_KNOWN: Screen = []

/** A part's screens: of the part, and of `not part` (what an event it misses must hold). */
export interface Screens {
  readonly screen: Screen
  readonly negatedScreen: Screen
}

const NOTHING_KNOWN_EITHER_WAY: Screens = { screen: NOTHING_KNOWN, negatedScreen: NOTHING_KNOWN }

/** The screens of a part that promises nothing either way (added conditions, logsource gates). */
export const nothingKnown = (): Screens => NOTHING_KNOWN_EITHER_WAY

/** Capital sigma lower-cases by context (σ or final ς): a cased needle with it may not fold inside. */
const CONTEXT_CASED = /\u03a3/

function valueNeedle(value: TypedValue): string | null {
  // A whole number is matched by any decimal text of it: its digits with optional sign,
  // leading zeros, zero fraction or spaces hold them; the screen writes other forms out.
  if (value.kind === 'number')
    return Number.isSafeInteger(value.value) && value.value >= 0 ? String(value.value) : null
  if (value.kind === 'regex') return regexNeedle(value.source, value.flags)
  if (value.kind !== 'string') return null
  let longest = ''
  for (const token of value.tokens)
    if (token.t === 'lit' && token.s.length > longest.length) longest = token.s
  if (value.cased && CONTEXT_CASED.test(longest)) return null
  // Uncased tests fold case with toLowerCase on both sides, and folding a cased match keeps
  // the needle inside, so the screen looks for the folded needle in folded values.
  return longest === '' ? null : longest.toLowerCase()
}

const needleKey = (n: Needle) =>
  n.field === null ? `\u0000${n.text}` : `${n.field}\u0000${n.text}`

/** A needle held to one field is rarer than the same text anywhere; short texts are everywhere. */
const weight = (n: Needle) => n.text.length + (n.field === null ? 0 : 4)

/** A clause is as selective as its least selective needle. */
function selectivity(clause: Clause): number {
  let weakest = Infinity
  for (const needle of clause) weakest = Math.min(weakest, weight(needle))
  return weakest * 1000 - clause.length
}

function bestFirst(clauses: Clause[]): Screen {
  // One clause needs no ordering: a list of thousands of hashes would be keyed and sorted.
  if (clauses.length <= 1) return clauses
  const seen = new Set<string>()
  const unique = clauses.filter((clause) => {
    const key = clause.map(needleKey).sort().join('\u0001')
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
    const union = new Map<string, Needle>()
    for (const part of parts)
      for (const needle of part[Math.min(i, part.length - 1)] ?? [])
        union.set(needleKey(needle), needle)
    clauses.push([...union.values()])
  }
  return bestFirst(clauses)
}

/**
 * Parts joined by `and` or `or`: what an event the whole matches must hold or, when `missed`,
 * what an event it misses must hold. De Morgan: an `and` is missed when any one part is, an
 * `or` only when every part is.
 */
export function joined(link: 'and' | 'or', parts: readonly Screen[], missed = false): Screen {
  return (link === 'and') !== missed ? allOf(parts) : anyOf(parts)
}

/**
 * What a value's screens are made from, read when the item is compiled: each alternative's
 * needle (null: it has none) and whether the value matches where its field is absent. Small,
 * so an item can keep it and work its screens out only when a rule set asks.
 */
export interface ValueNeedles {
  readonly texts: readonly (string | null)[]
  readonly matchesAbsent: boolean
}

/** A value's needles; only null and `exists: false` values match where the field is absent. */
export function valueNeedles(alternatives: readonly Alternative[]): ValueNeedles {
  return {
    texts: alternatives.map((alt) => valueNeedle(alt.value)),
    matchesAbsent: alternatives.some(
      ({ value }) => value.kind === 'null' || (value.kind === 'exists' && !value.value),
    ),
  }
}

/** One rule value: any of its alternatives (expansions) may be the one that matched. */
function valueScreen({ texts }: ValueNeedles, field: string | null): Screen {
  if (texts.length === 1) {
    const text = texts[0] as string | null
    return text === null ? NOTHING_KNOWN : [[{ field, text }]]
  }
  if (texts.length === 0 || texts.some((n) => n === null)) return NOTHING_KNOWN
  return [[...new Set(texts as string[])].map((text) => ({ field, text }))]
}

const matchesAbsent = (value: ValueNeedles) => value.matchesAbsent

/**
 * A field or keyword item: values OR (or AND with `all`); a negated item promises nothing.
 * `field` is the event field looked up (after the field map), null for keywords.
 */
export function itemScreen(
  values: readonly ValueNeedles[],
  linking: 'or' | 'and',
  negated: boolean,
  field: string | null,
): Screen {
  if (negated) return NOTHING_KNOWN
  const each = values.map((value) => valueScreen(value, field))
  const screen = linking === 'and' ? allOf(each) : anyOf(each)
  if (screen.length > 0 || field === null || values.length === 0) return screen
  return values.some(matchesAbsent) ? NOTHING_KNOWN : [[{ field, text: '' }]]
}

/**
 * What any event a field item does not match must hold. An item that matches where its field
 * is absent (null, `exists: false`, `neq`) misses only events that have the field: so
 * `not filter_null` in a condition needs the field there.
 */
export function negatedItemScreen(
  values: readonly ValueNeedles[],
  linking: 'or' | 'and',
  negated: boolean,
  field: string,
): Screen {
  const absentMatches = linking === 'and' ? values.every(matchesAbsent) : values.some(matchesAbsent)
  return absentMatches !== negated ? [[{ field, text: '' }]] : NOTHING_KNOWN
}
