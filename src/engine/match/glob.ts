/**
 * Sigma string patterns after escape processing: literal runs, `*`, `?` and the windash
 * character class. Compiled once into a test of an event value's texts; plain shapes
 * (equality, prefix, suffix, substring) avoid RegExp entirely.
 */

export type Token =
  | { t: 'lit'; s: string }
  | { t: 'star' }
  | { t: 'one' }
  /** One of the five windash characters (used when listing every permutation is too many). */
  | { t: 'dash' }

export const WINDASH_CHARS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const

/** An event value's text and its lower-cased form (match/subject.ts computes it once). */
export interface Texts {
  readonly text: string
  readonly lower: string
}

/** Takes the value itself, so a leaf test is the glob with no wrapper around it. */
export type TextTest = (value: Texts) => boolean

export function hasWildcard(tokens: readonly Token[]): boolean {
  return tokens.some((tok) => tok.t === 'star' || tok.t === 'one')
}

/** Merges adjacent literals and collapses `**`, which mean the same as one. */
export function normalizeTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = []
  for (const tok of tokens) {
    const last = out[out.length - 1]
    if (tok.t === 'lit') {
      if (tok.s === '') continue
      if (last?.t === 'lit') out[out.length - 1] = { t: 'lit', s: last.s + tok.s }
      else out.push(tok)
    } else if (tok.t === 'star' && last?.t === 'star') {
      continue
    } else {
      out.push(tok)
    }
  }
  return out
}

/** The literal text of tokens, with wildcards written back as `*` and `?`. */
export function tokensToDisplay(tokens: readonly Token[]): string {
  return tokens
    .map((tok) =>
      tok.t === 'lit'
        ? tok.s
        : tok.t === 'star'
          ? '*'
          : tok.t === 'one'
            ? '?'
            : '[-/\u2013\u2014\u2015]',
    )
    .join('')
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g

export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&')
}

function tokensToRegexSource(tokens: readonly Token[]): string {
  let src = ''
  for (const tok of tokens) {
    if (tok.t === 'lit') src += escapeRegex(tok.s)
    else if (tok.t === 'star') src += '[\\s\\S]*'
    else if (tok.t === 'one') src += '[\\s\\S]'
    else src += '[\\-/\u2013\u2014\u2015]'
  }
  return src
}

// Each test is made by a function of its own, so that its closure keeps the needle alone: a
// rule set keeps tens of thousands of them, and a closure made inside compileGlob would keep
// all that function's variables.
const isEmpty: TextTest = (v) => v.text === ''
const always: TextTest = () => true
const equals = (needle: string, cased: boolean): TextTest =>
  cased ? (v) => v.text === needle : (v) => v.lower === needle
const endsWith = (needle: string, cased: boolean): TextTest =>
  cased ? (v) => v.text.endsWith(needle) : (v) => v.lower.endsWith(needle)
const startsWith = (needle: string, cased: boolean): TextTest =>
  cased ? (v) => v.text.startsWith(needle) : (v) => v.lower.startsWith(needle)
const includes = (needle: string, cased: boolean): TextTest =>
  cased ? (v) => v.text.includes(needle) : (v) => v.lower.includes(needle)
const matches = (re: RegExp, cased: boolean): TextTest =>
  cased ? (v) => re.test(v.text) : (v) => re.test(v.lower)

/** A pattern that is one literal, whole or at one end or anywhere in the text. */
export interface LiteralShape {
  kind: 'equals' | 'endsWith' | 'startsWith' | 'includes'
  needle: string
}

/** The tokens the tests compare with: lower-cased unless `cased`, then normalised. */
function comparedTokens(rawTokens: readonly Token[], cased: boolean): Token[] {
  return normalizeTokens(
    cased
      ? rawTokens
      : rawTokens.map((tok) =>
          tok.t === 'lit' ? { t: 'lit' as const, s: tok.s.toLowerCase() } : tok,
        ),
  )
}

function literalShape(tokens: readonly Token[]): LiteralShape | undefined {
  const [first, second, third] = tokens
  const n = tokens.length
  if (n === 1 && first?.t === 'lit') return { kind: 'equals', needle: first.s }
  if (n === 2 && first?.t === 'star' && second?.t === 'lit')
    return { kind: 'endsWith', needle: second.s }
  if (n === 2 && first?.t === 'lit' && second?.t === 'star')
    return { kind: 'startsWith', needle: first.s }
  if (n === 3 && first?.t === 'star' && second?.t === 'lit' && third?.t === 'star')
    return { kind: 'includes', needle: second.s }
  return undefined
}

const LITERAL_TESTS = { equals, endsWith, startsWith, includes }

/** What a pattern tests: one literal (whole, at one end or anywhere), or else a text test. */
export type GlobPlan = { literal: LiteralShape } | { literal?: undefined; test: TextTest }

/**
 * Case-insensitive patterns compare the lower-cased event text with lower-cased literals, so
 * every shape folds case the same way (`toLowerCase`, Unicode-aware).
 */
export function planGlob(rawTokens: readonly Token[], cased: boolean): GlobPlan {
  const tokens = comparedTokens(rawTokens, cased)
  const [first] = tokens
  if (tokens.length === 0) return { test: isEmpty }
  if (tokens.length === 1 && first?.t === 'star') return { test: always }
  const literal = literalShape(tokens)
  if (literal) return { literal }
  // `u` makes `?` consume a whole code point, as Python's `.` does.
  return { test: matches(new RegExp(`^${tokensToRegexSource(tokens)}$`, 'u'), cased) }
}

export function compileGlob(rawTokens: readonly Token[], cased: boolean): TextTest {
  const plan = planGlob(rawTokens, cased)
  return plan.literal ? LITERAL_TESTS[plan.literal.kind](plan.literal.needle, cased) : plan.test
}
