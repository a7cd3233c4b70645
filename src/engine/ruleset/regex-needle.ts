/**
 * The longest literal run every match of a regular expression holds, folded, for the screen
 * (needles.ts): SigmaHQ has hundreds of `|re` rules, and without a needle each is evaluated on
 * every event that has its field. Conservative by construction: any construct not understood
 * (a top-level `|`, escapes that are classes or references, a `{` that may be literal) only
 * ends a run, and a top-level alternation gives no needle at all.
 *
 * Only ASCII runs are kept: the regexes carry no `u` flag, so with `i` an ASCII character
 * matches only its ASCII case partner, and folding the event value with toLowerCase keeps such
 * a run inside it (context-dependent folding only touches characters outside ASCII).
 */
import { toJsRegex } from '../modifiers/re.ts'

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

const QUANTIFIER = /^\{(\d+)(,\d*)?\}/

/**
 * What follows the letter of a code or reference escape and belongs to it: `\x41` and
 * `\u0041` are one character, `\cJ` a control character, `\k<name>` and `\12` references (or
 * octal codes). Read as literals, those digits and names would be needles no match holds.
 */
const ESCAPE_TAIL: Readonly<Record<string, RegExp>> = {
  x: /^[0-9A-Fa-f]{2}/,
  u: /^[0-9A-Fa-f]{4}/,
  c: /^[A-Za-z]/,
  k: /^<[^>]*>/,
}

/** Index just past the escape starting at `i`. */
function escapeEnd(source: string, i: number): number {
  const letter = source[i + 1] ?? ''
  const tail = /[0-9]/.test(letter) ? /^[0-9]*/ : ESCAPE_TAIL[letter]
  return i + 2 + (tail?.exec(source.slice(i + 2, i + 2 + 64))?.[0].length ?? 0)
}

/** Required literal runs of a regex source without top-level alternation, or null. */
function requiredRuns(source: string): string[] | null {
  const runs: string[] = []
  let run = ''
  const end = () => {
    if (run !== '') runs.push(run)
    run = ''
  }
  for (let i = 0; i < source.length;) {
    const ch = source[i] as string
    let literal: string | null = null
    let next = i + 1
    if (ch === '|') return null
    if (ch === '\\') {
      const escaped = source[i + 1] ?? ''
      // `\.` is a dot; `\d`, `\x41`, `\1`, `\k<n>`, `\b` are classes, codes or positions.
      if (escaped !== '' && !/[0-9A-Za-z]/.test(escaped)) literal = escaped
      next = escapeEnd(source, i)
    } else if (ch === '(' || ch === '[') next = atomEnd(source, i)
    else if (!'.^$*+?{}])'.includes(ch)) literal = ch
    // What follows the atom: a quantifier allowing none makes it optional.
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
      // A `{` that is no quantifier is read no further.
      if (!m) {
        end()
        return runs
      }
      min = Number(m[1])
      quantified = true
      next += m[0].length
    }
    if (quantified && source[next] === '?') next++
    const ascii = literal !== null && literal.charCodeAt(0) >= 0x20 && literal.charCodeAt(0) < 0x7f
    if (ascii && min >= 1) {
      run += literal
      // `ab+c` holds `ab` and `bc`, not `abc`: a repeated character ends the run after it.
      if (quantified) end()
    } else end()
    i = next
  }
  end()
  return runs
}

/** The needle of a `re` value: its longest required ASCII run, folded; null when none. */
export function regexNeedle(source: string, flags: string): string | null {
  const runs = requiredRuns(toJsRegex(source, flags).source)
  if (!runs) return null
  let longest = ''
  for (const run of runs) if (run.length > longest.length) longest = run
  return longest === '' ? null : longest.toLowerCase()
}
