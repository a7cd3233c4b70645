/**
 * A JS regex source (as toJsRegex writes it: no `u` flag) read one atom at a time, as far as
 * facts that every match shares need it: the literal character an atom stands for, how many
 * characters it takes at least, and how often its quantifier repeats it at least. Conservative
 * by construction: a group is read as one atom of no known length, and reading stops at a `{`
 * that may be literal or at a top-level `|` (the caller knows nothing past either).
 */

export interface Atom {
  /** The one character the atom always stands for, or null (classes, groups, positions…). */
  literal: string | null
  /** Characters the atom takes at least, once. */
  width: number
  /** Times its quantifier repeats it at least (1 without one). */
  min: number
  quantified: boolean
}

/** Where reading stopped: a top-level alternation, or a `{` that is no quantifier. */
export type Stop = 'alternation' | 'unreadable'

/** Index just past the class starting at `i` (JS: a `]` right after `[` closes it). */
function classEnd(source: string, i: number): number {
  for (i++; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === ']') return i + 1
  }
  return source.length
}

/** Index just past the group or class starting at `i` (escapes and classes inside skipped). */
function atomEnd(source: string, i: number): number {
  if (source[i] === '[') return classEnd(source, i)
  let depth = 0
  for (; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') i++
    else if (ch === '[') i = classEnd(source, i) - 1
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i + 1
  }
  return source.length
}

/**
 * A code or reference escape after its backslash: `x41` and `u0041` are one character, `cJ`
 * a control character, `k<name>` and `12` references (or octal codes). Read as literals, those
 * digits and names would be characters no match holds.
 */
const CHARACTER_CODE = 'x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]'
const CODE = new RegExp(`^(?:${CHARACTER_CODE}|k<[^>]*>|[0-9]+)`)
/** Escapes that always take one character: classes, codes, and `\t`-like controls. */
const ONE_CHARACTER = new RegExp(`^(?:[dDsSwWtnrvf]|${CHARACTER_CODE})`)

/** The escape starting at `i`: where it ends, and what it stands for. */
function readEscape(
  source: string,
  i: number,
): { end: number; literal: string | null; width: number } {
  const rest = source.slice(i + 1, i + 65)
  // `\.` is a dot; letters and digits are classes, codes, positions or references.
  if (/^[^0-9A-Za-z]/.test(rest)) return { end: i + 2, literal: rest[0] as string, width: 1 }
  // References may match nothing; `\b` is a position; an unknown letter is left unknown.
  const end = i + 1 + (CODE.exec(rest)?.[0].length ?? 1)
  return { end, literal: null, width: ONE_CHARACTER.test(rest) ? 1 : 0 }
}

const QUANTIFIER = /^\{(\d+)(,\d*)?\}/

/** The atoms of `source` in order, then why reading stopped early, if it did. */
export function* regexAtoms(source: string): Generator<Atom, Stop | undefined> {
  for (let i = 0; i < source.length;) {
    const ch = source[i] as string
    if (ch === '|') return 'alternation'
    let literal: string | null = null
    let width = 1
    let next = i + 1
    if (ch === '\\') ({ end: next, literal, width } = readEscape(source, i))
    else if (ch === '(') {
      next = atomEnd(source, i)
      width = 0
    } else if (ch === '[') next = atomEnd(source, i)
    // Anchors take nothing; the other syntax characters, alone, are left unknown.
    else if ('^$*+?{}])'.includes(ch)) width = 0
    else if (ch !== '.') literal = ch
    let min = 1
    let quantified = false
    const q = source[next]
    if (q === '*' || q === '?') {
      min = 0
      quantified = true
      next++
    } else if (q === '+') {
      quantified = true
      next++
    } else if (q === '{') {
      const m = QUANTIFIER.exec(source.slice(next, next + 24))
      if (!m) return 'unreadable'
      min = Number(m[1])
      quantified = true
      next += m[0].length
    }
    if (quantified && source[next] === '?') next++
    yield { literal, width, min, quantified }
    i = next
  }
  return undefined
}

/**
 * The fewest characters any match of `source` takes: a value shorter than that never matches,
 * so its test is skipped (`.{1000,}` tried at every offset of a long command line costs a
 * millisecond). 0 when unsure.
 */
export function shortestMatch(source: string): number {
  let total = 0
  const atoms = regexAtoms(source)
  for (let step = atoms.next(); ; step = atoms.next()) {
    if (step.done) return step.value === undefined ? total : 0
    total += step.value.width * step.value.min
  }
}
