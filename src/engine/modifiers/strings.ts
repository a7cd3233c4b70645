/**
 * Plain Sigma strings: the escape algorithm of the reference (§3.3) and the
 * contains / startswith / endswith / cased modifiers, which only add wildcards or a flag.
 */
import type { Token } from '../match/glob.ts'
import { normalizeTokens } from '../match/glob.ts'
import type { SigmaString } from './typed-value.ts'

const BACKSLASH = 0x5c
const STAR = 0x2a
const QUESTION = 0x3f

/**
 * `\` before `*`, `?` or `\` is consumed and the next character is literal; before anything
 * else (or at the end) the backslash itself is literal; unescaped `*` / `?` are wildcards.
 */
export function parseSigmaString(raw: string): Token[] {
  const tokens: Token[] = []
  // Literal text is taken in runs (from `from` up to a special character), not a character at a
  // time: compiling thousands of rules builds a string per character otherwise.
  let lit = ''
  let from = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c === BACKSLASH) {
      const next = raw.charCodeAt(i + 1)
      if (next === STAR || next === QUESTION || next === BACKSLASH) {
        // The backslash goes; the character after it opens the next run, as a literal.
        lit += raw.slice(from, i)
        from = i + 1
        i++
      }
    } else if (c === STAR || c === QUESTION) {
      lit += raw.slice(from, i)
      if (lit) tokens.push({ t: 'lit', s: lit })
      lit = ''
      tokens.push({ t: c === STAR ? 'star' : 'one' })
      from = i + 1
    }
  }
  lit += raw.slice(from)
  if (lit) tokens.push({ t: 'lit', s: lit })
  return tokens
}

export function plainString(raw: string): SigmaString {
  return { kind: 'string', tokens: parseSigmaString(raw), cased: false, bytes: false, raw }
}

function withStar(value: SigmaString, start: boolean, end: boolean): SigmaString {
  const tokens = [...value.tokens]
  if (start && tokens[0]?.t !== 'star') tokens.unshift({ t: 'star' })
  if (end && tokens[tokens.length - 1]?.t !== 'star') tokens.push({ t: 'star' })
  // Written out, not spread: a key added after a spread costs a hidden class per object in
  // Node 20's V8 (see withReadings in item-compiler/compile-item.ts).
  return {
    kind: 'string',
    tokens: normalizeTokens(tokens),
    cased: value.cased,
    bytes: value.bytes,
    raw: undefined,
    addedWildcards: true,
  }
}

export const contains = (v: SigmaString) => withStar(v, true, true)
export const startswith = (v: SigmaString) => withStar(v, false, true)
export const endswith = (v: SigmaString) => withStar(v, true, false)
export const cased = (v: SigmaString): SigmaString => ({ ...v, cased: true })
