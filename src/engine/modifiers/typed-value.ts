/**
 * What a rule value becomes while its modifiers are applied left to right (pySigma's typed
 * values). Each value is a list of alternatives: expansions (windash, base64offset, expand)
 * give several, OR-ed, each with a label for the trace.
 */
import type { IPv4, IPv6 } from 'ipaddr.js'
import type { Token } from '../match/glob.ts'

export interface SigmaString {
  kind: 'string'
  tokens: Token[]
  cased: boolean
  /** The characters stand for bytes (after wide/utf16*): base64 encodes them as they are. */
  bytes: boolean
  /** The value as written; only while no modifier has transformed it (re, cidr, fieldref use it). */
  raw?: string
  /** contains / startswith / endswith added wildcards (then base64 is an order error). */
  addedWildcards?: boolean
}

export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'
export type CompareOp = 'lt' | 'lte' | 'gt' | 'gte'

export type TypedValue =
  | SigmaString
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'cidr'; text: string; network: [IPv4 | IPv6, number] }
  | { kind: 'fieldref'; field: string; position: 'equals' | 'contains' | 'startswith' | 'endswith' }
  | { kind: 'compare'; op: CompareOp | 'eq'; value: number; part?: TimePart }
  | { kind: 'exists'; value: boolean }

export type ValueKind = TypedValue['kind']

export interface Alternative {
  value: TypedValue
  /** Which expansion this is (windash character, base64 offset, placeholder value…). */
  variant?: string
}

/** A modifier refusing a value: reported on the modifier's range or on the value's range. */
export interface Refusal {
  refused: true
  code: 'MODIFIER_TYPE' | 'MODIFIER_ORDER' | 'BAD_VALUE' | 'BAD_CIDR' | 'BAD_REGEX'
  message: string
  at: 'modifier' | 'value'
}

export function refuse(
  code: Refusal['code'],
  message: string,
  at: Refusal['at'] = 'modifier',
): Refusal {
  return { refused: true, code, message, at }
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && (x as { refused?: unknown }).refused === true
}
