/**
 * base64, base64offset and the UTF-16 family (wide, utf16le, utf16be, utf16). The UTF-16
 * modifiers turn characters into byte-characters (0–255) so that a following base64 encodes
 * exactly those bytes; base64 of ordinary text encodes its UTF-8 bytes (`café` → `Y2Fmw6k=`).
 */
import type { Token } from '../match/glob.ts'
import { hasWildcard } from '../match/glob.ts'
import type { Alternative, Refusal, SigmaString } from './typed-value.ts'
import { refuse } from './typed-value.ts'

function bytesToChars(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i] as number)
  return out
}

type Utf16Order = 'le' | 'be'

function utf16(text: string, order: Utf16Order): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const lo = String.fromCharCode(unit & 0xff)
    const hi = String.fromCharCode(unit >> 8)
    out += order === 'le' ? lo + hi : hi + lo
  }
  return out
}

function mapLiterals(value: SigmaString, fn: (s: string) => string): SigmaString {
  const tokens: Token[] = value.tokens.map((tok) =>
    tok.t === 'lit' ? { t: 'lit', s: fn(tok.s) } : tok,
  )
  return { kind: 'string', tokens, cased: false, bytes: true }
}

export const wide = (v: SigmaString) => mapLiterals(v, (s) => utf16(s, 'le'))
export const utf16be = (v: SigmaString) => mapLiterals(v, (s) => utf16(s, 'be'))

/** SPEC: byte order mark FF FE, then UTF-16LE (pySigma's EF BB BF is a known bug). */
export function utf16WithBom(v: SigmaString): SigmaString {
  const encoded = mapLiterals(v, (s) => utf16(s, 'le'))
  return { ...encoded, tokens: [{ t: 'lit', s: '\xff\xfe' }, ...encoded.tokens] }
}

/** The bytes a base64 step encodes. */
export function valueBytes(v: SigmaString): Uint8Array {
  const text = v.tokens.map((tok) => (tok.t === 'lit' ? tok.s : '')).join('')
  if (v.bytes) {
    const out = new Uint8Array(text.length)
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff
    return out
  }
  return new TextEncoder().encode(text)
}

function base64OfBytes(bytes: Uint8Array): string {
  return btoa(bytesToChars(bytes))
}

function noWildcards(v: SigmaString): Refusal | undefined {
  if (v.tokens.some((tok) => tok.t === 'dash'))
    return refuse('BAD_VALUE', 'Base64 cannot encode this many windash positions', 'value')
  if (!hasWildcard(v.tokens)) return undefined
  return v.addedWildcards
    ? refuse(
        'MODIFIER_ORDER',
        'Base64 encoding of strings with wildcards is not allowed: put base64 before contains/startswith/endswith',
      )
    : refuse('BAD_VALUE', 'Base64 encoding of strings with wildcards is not allowed', 'value')
}

const lit = (s: string): SigmaString => ({
  kind: 'string',
  tokens: s ? [{ t: 'lit', s }] : [],
  cased: false,
  bytes: false,
})

export function base64(v: SigmaString): SigmaString | Refusal {
  return noWildcards(v) ?? lit(base64OfBytes(valueBytes(v)))
}

const OFFSET_START = [0, 2, 3] as const
const OFFSET_END = [0, -3, -2] as const

/** The three strings of §4.3: base64 of 0–2 leading spaces + value, without unstable edges. */
export function base64OffsetStrings(bytes: Uint8Array): string[] {
  const out: string[] = []
  for (let i = 0; i < 3; i++) {
    const shifted = new Uint8Array(bytes.length + i)
    shifted.fill(0x20, 0, i)
    shifted.set(bytes, i)
    const enc = base64OfBytes(shifted)
    const end = OFFSET_END[(bytes.length + i) % 3] as number
    out.push(enc.slice(OFFSET_START[i], end === 0 ? undefined : end))
  }
  return out
}

export function base64offset(v: SigmaString): Alternative[] | Refusal {
  const refusal = noWildcards(v)
  if (refusal) return refusal
  return base64OffsetStrings(valueBytes(v)).map((s, i) => ({
    value: lit(s),
    variant: `offset ${i}`,
  }))
}
