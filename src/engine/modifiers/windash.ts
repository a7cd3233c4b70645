/**
 * windash (§4.4): a `-` or `/` not preceded by a word character and followed by one
 * (pySigma's `\B[-/]\b`, with Python's Unicode notion of "word character") may be written
 * with any of the five dash characters. All combinations are OR-ed.
 */
import type { Token } from '../match/glob.ts'
import { WINDASH_CHARS, normalizeTokens } from '../match/glob.ts'
import type { Alternative, SigmaString } from './typed-value.ts'

/** Beyond this many positions (5^4 = 625 strings) the positions become a character class. */
const MAX_LISTED_POSITIONS = 4

const WORD = /[\p{L}\p{N}_]/u

/** Characters around a position; wildcards and the value's ends count as non-word. */
function flatChars(tokens: readonly Token[]): { ch: string; token: number; offset: number }[] {
  const chars: { ch: string; token: number; offset: number }[] = []
  tokens.forEach((tok, index) => {
    if (tok.t !== 'lit') chars.push({ ch: '', token: index, offset: -1 })
    else
      for (let i = 0; i < tok.s.length; i++)
        chars.push({ ch: tok.s[i] as string, token: index, offset: i })
  })
  return chars
}

const isWord = (ch: string | undefined) => ch !== undefined && ch !== '' && WORD.test(ch)

/** Positions (token index, offset) of the dashes windash expands. */
export function windashPositions(tokens: readonly Token[]): { token: number; offset: number }[] {
  const chars = flatChars(tokens)
  const out: { token: number; offset: number }[] = []
  chars.forEach((c, i) => {
    if ((c.ch === '-' || c.ch === '/') && !isWord(chars[i - 1]?.ch) && isWord(chars[i + 1]?.ch))
      out.push({ token: c.token, offset: c.offset })
  })
  return out
}

/** Splits literal tokens so each expansion point is its own one-character literal. */
function splitAt(
  tokens: readonly Token[],
  positions: { token: number; offset: number }[],
): {
  tokens: Token[]
  slots: number[]
} {
  const out: Token[] = []
  const slots: number[] = []
  tokens.forEach((tok, index) => {
    const here = positions.filter((p) => p.token === index).map((p) => p.offset)
    if (tok.t !== 'lit' || here.length === 0) {
      out.push(tok)
      return
    }
    let from = 0
    for (const offset of here) {
      if (offset > from) out.push({ t: 'lit', s: tok.s.slice(from, offset) })
      slots.push(out.length)
      out.push({ t: 'lit', s: tok.s[offset] as string })
      from = offset + 1
    }
    if (from < tok.s.length) out.push({ t: 'lit', s: tok.s.slice(from) })
  })
  return { tokens: out, slots }
}

const describe = (ch: string) =>
  `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${ch}`

export function windash(v: SigmaString): Alternative[] {
  const positions = windashPositions(v.tokens)
  const fresh = (tokens: Token[]): SigmaString => ({
    kind: 'string',
    tokens: normalizeTokens(tokens),
    cased: false,
    bytes: false,
    addedWildcards: v.addedWildcards,
  })
  if (positions.length === 0) return [{ value: fresh([...v.tokens]) }]
  const { tokens, slots } = splitAt(v.tokens, positions)
  if (slots.length > MAX_LISTED_POSITIONS) {
    const classed = tokens.map((tok, i): Token => (slots.includes(i) ? { t: 'dash' } : tok))
    return [{ value: fresh(classed), variant: 'any dash' }]
  }
  let combos: { tokens: Token[]; chars: string[] }[] = [{ tokens, chars: [] }]
  for (const slot of slots) {
    combos = combos.flatMap((combo) =>
      WINDASH_CHARS.map((ch) => {
        const next = [...combo.tokens]
        next[slot] = { t: 'lit', s: ch }
        return { tokens: next, chars: [...combo.chars, ch] }
      }),
    )
  }
  return combos.map((combo) => ({
    value: fresh(combo.tokens),
    variant: combo.chars.map(describe).join(', '),
  }))
}
