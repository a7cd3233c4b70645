/**
 * A concrete event value meeting every requirement put on one field, and the value just one
 * step past the edge of a requirement (one character off, the address outside the network,
 * the number on the wrong side). Both are proposals: the generator keeps only what the
 * engine then confirms.
 */
import ipaddr from 'ipaddr.js'
import type { Token } from '../match/glob.ts'
import type { Requirement } from './requirements.ts'
import { regexExample } from './regex-example.ts'

/** The field must be left out of the event. */
export const ABSENT = Symbol('absent')
export type FieldValue = string | number | boolean | typeof ABSENT

const instantiate = (tokens: readonly Token[]) =>
  tokens
    .map((t) => (t.t === 'lit' ? t.s : t.t === 'one' ? 'x' : t.t === 'dash' ? '-' : ''))
    .join('')

const anchoredStart = (tokens: readonly Token[]) => tokens[0]?.t !== 'star'
const anchoredEnd = (tokens: readonly Token[]) => tokens[tokens.length - 1]?.t !== 'star'

export function valueFor(requirements: readonly Requirement[]): FieldValue | undefined {
  if (requirements.some((r) => r.kind === 'presence' && !r.present)) return ABSENT
  const concrete = requirements.filter((r) => r.kind !== 'presence')
  if (concrete.length === 0) return 'x'
  const texts = concrete.filter((r) => r.kind === 'string')
  if (texts.length === concrete.length) return joinPatterns(texts.map((t) => t.tokens))
  if (concrete.length > 1 && texts.length > 0) return undefined
  const only = concrete[0]
  if (concrete.length > 1 && !concrete.every((r) => r.kind === 'compare')) return undefined
  switch (only?.kind) {
    case 'number':
    case 'boolean':
      return only.value
    case 'regex':
      return regexExample(only.source, only.flags)
    case 'cidr':
      return firstHost(only.network)
    case 'compare':
      return numberMeeting(concrete as Extract<Requirement, { kind: 'compare' }>[])
    default:
      return undefined
  }
}

/**
 * Several patterns on one text: the start-anchored one first, the end-anchored one last,
 * the floating ones between. An exact pattern must stand alone.
 */
function joinPatterns(patterns: readonly Token[][]): string | undefined {
  if (patterns.length === 1) return instantiate(patterns[0] ?? [])
  const heads = patterns.filter((p) => anchoredStart(p) && !anchoredEnd(p))
  const tails = patterns.filter((p) => anchoredEnd(p) && !anchoredStart(p))
  const exact = patterns.filter((p) => anchoredStart(p) && anchoredEnd(p))
  const middle = patterns.filter((p) => !anchoredStart(p) && !anchoredEnd(p))
  if (exact.length > 0) return instantiate(exact[0] ?? [])
  if (heads.length > 1 || tails.length > 1) return undefined
  return [...heads, ...middle, ...tails].map(instantiate).join(' ')
}

function firstHost([address, prefix]: [ipaddr.IPv4 | ipaddr.IPv6, number]): string {
  const bytes = networkBytes(address, prefix)
  const max = address.kind() === 'ipv4' ? 32 : 128
  if (prefix < max - 1) bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) | 1
  return ipaddr.fromByteArray(bytes).toString()
}

function networkBytes(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): number[] {
  return address.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8))
    return byte & (0xff << (8 - keep)) & 0xff
  })
}

function numberMeeting(
  tests: readonly Extract<Requirement, { kind: 'compare' }>[],
): number | undefined {
  if (tests.some((t) => t.part)) return undefined
  let low = -Infinity
  let high = Infinity
  for (const { op, value } of tests) {
    if (op === 'gt') low = Math.max(low, value + 1)
    else if (op === 'gte') low = Math.max(low, value)
    else if (op === 'lt') high = Math.min(high, value - 1)
    else if (op === 'lte') high = Math.min(high, value)
    else return value
  }
  if (low > high) return undefined
  return Number.isFinite(low) ? low : Number.isFinite(high) ? high : 0
}

/** One step past the requirement's edge, starting from a value that meets it. */
export function justMissing(requirement: Requirement, current: FieldValue): FieldValue | undefined {
  switch (requirement.kind) {
    case 'string':
      return typeof current === 'string' ? offByOne(current, requirement.tokens) : undefined
    case 'regex':
      return typeof current === 'string' && current !== ''
        ? bump(current, current.length - 1)
        : undefined
    case 'cidr':
      return outsideNetwork(requirement.network)
    case 'compare':
      if (requirement.part) return undefined
      if (requirement.op === 'gt') return requirement.value
      if (requirement.op === 'gte') return requirement.value - 1
      if (requirement.op === 'lt') return requirement.value
      if (requirement.op === 'lte') return requirement.value + 1
      return requirement.value + 1
    case 'number':
      return requirement.value + 1
    case 'boolean':
      return !requirement.value
    case 'presence':
      return requirement.present ? ABSENT : 'x'
    default:
      return undefined
  }
}

/** Changes the literal character nearest the pattern's anchored end (the end `endswith` looks at). */
function offByOne(text: string, tokens: readonly Token[]): string | undefined {
  if (text === '') return 'x'
  const literal = instantiate(tokens)
  const at = text.indexOf(literal)
  if (at < 0 || literal === '') return bump(text, text.length - 1)
  if (anchoredEnd(tokens) || !anchoredStart(tokens)) return bump(text, at + literal.length - 1)
  return bump(text, at)
}

function bump(text: string, index: number): string {
  const ch = text[index] ?? ''
  const next = /[a-y0-8]/i.test(ch)
    ? String.fromCharCode(ch.charCodeAt(0) + 1)
    : /[zZ9]/.test(ch)
      ? 'a'
      : ch === '_'
        ? '-'
        : '_'
  return text.slice(0, index) + next + text.slice(index + 1)
}

/** The address right after the network's last one (or right before its first). */
function outsideNetwork([address, prefix]: [ipaddr.IPv4 | ipaddr.IPv6, number]):
  string | undefined {
  const bytes = networkBytes(address, prefix)
  const max = address.kind() === 'ipv4' ? 32 : 128
  if (prefix === 0) return undefined
  const hostBits = max - prefix
  // The last address: every host bit set; then add one, carrying.
  const last = bytes.map((byte, i) => {
    const hostInByte = Math.max(0, Math.min(8, (i + 1) * 8 - prefix))
    return hostInByte >= 8 ? 0xff : byte | ((1 << hostInByte) - 1)
  })
  const after = [...last]
  for (let i = after.length - 1; i >= 0; i--) {
    after[i] = ((after[i] ?? 0) + 1) & 0xff
    if (after[i] !== 0) break
    if (i === 0) return hostBits < max ? beforeNetwork(bytes) : undefined
  }
  return ipaddr.fromByteArray(after).toString()
}

function beforeNetwork(bytes: number[]): string {
  const before = [...bytes]
  for (let i = before.length - 1; i >= 0; i--) {
    before[i] = ((before[i] ?? 0) - 1) & 0xff
    if (before[i] !== 0xff) break
  }
  return ipaddr.fromByteArray(before).toString()
}
