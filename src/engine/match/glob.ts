/**
 * Sigma string patterns after escape processing: literal runs, `*`, `?` and the windash
 * character class. Compiled once into a `(text, lower) => boolean` test; plain shapes
 * (equality, prefix, suffix, substring) avoid RegExp entirely.
 */

export type Token =
  | { t: 'lit'; s: string }
  | { t: 'star' }
  | { t: 'one' }
  /** One of the five windash characters (used when listing every permutation is too many). */
  | { t: 'dash' }

export const WINDASH_CHARS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const

/** The text of the event value and its lower-cased form (computed once per value). */
export type TextTest = (text: string, lower: string) => boolean

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

/**
 * Case-insensitive tests compare the lower-cased event text with lower-cased literals, so
 * every shape folds case the same way (`toLowerCase`, Unicode-aware).
 */
export function compileGlob(rawTokens: readonly Token[], cased: boolean): TextTest {
  const tokens = normalizeTokens(
    cased
      ? rawTokens
      : rawTokens.map((tok) =>
          tok.t === 'lit' ? { t: 'lit' as const, s: tok.s.toLowerCase() } : tok,
        ),
  )
  const pick = cased ? (text: string) => text : (_text: string, lower: string) => lower
  const [first, second, third] = tokens
  const n = tokens.length
  if (n === 0) return (text) => text === ''
  if (n === 1 && first?.t === 'star') return () => true
  if (n === 1 && first?.t === 'lit') {
    const needle = first.s
    return cased ? (text) => text === needle : (_t, lower) => lower === needle
  }
  if (n === 2 && first?.t === 'star' && second?.t === 'lit') {
    const needle = second.s
    return cased ? (text) => text.endsWith(needle) : (_t, lower) => lower.endsWith(needle)
  }
  if (n === 2 && first?.t === 'lit' && second?.t === 'star') {
    const needle = first.s
    return cased ? (text) => text.startsWith(needle) : (_t, lower) => lower.startsWith(needle)
  }
  if (n === 3 && first?.t === 'star' && second?.t === 'lit' && third?.t === 'star') {
    const needle = second.s
    return cased ? (text) => text.includes(needle) : (_t, lower) => lower.includes(needle)
  }
  // `u` makes `?` consume a whole code point, as Python's `.` does.
  const re = new RegExp(`^${tokensToRegexSource(tokens)}$`, 'u')
  return (text, lower) => re.test(pick(text, lower))
}
