/**
 * IP addresses reduced to numbers for fast network tests: an IPv4 address is one 32-bit
 * integer, an IPv6 address eight 16-bit groups. Parsing happens once per event value.
 */
import ipaddr from 'ipaddr.js'
import type { Subject } from './subject.ts'

export type IpValue = { v: 4; n: number } | { v: 6; parts: number[] }

/** Strict dotted-quad IPv4 (no shorthands, no leading zeros beyond a lone 0). */
function parseIPv4(text: string): number | undefined {
  let value = 0
  let octet = -1
  let digits = 0
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined
      octet = (octet < 0 ? 0 : octet * 10) + (c - 48)
      if (octet > 255 || ++digits > 3) return undefined
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + octet
      octet = -1
      digits = 0
      dots++
    } else {
      return undefined
    }
  }
  if (dots !== 3 || digits === 0) return undefined
  return value * 256 + octet
}

export function parseIp(text: string): IpValue | undefined {
  const v4 = parseIPv4(text)
  if (v4 !== undefined) return { v: 4, n: v4 }
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined
  return { v: 6, parts: ipaddr.IPv6.parse(text).parts }
}

export function subjectIp(subject: Subject): IpValue | undefined {
  if (subject.ipMemo === undefined) {
    subject.ipMemo = typeof subject.raw === 'string' ? (parseIp(subject.raw) ?? null) : null
  }
  return (subject.ipMemo as IpValue | null) ?? undefined
}

export interface IpNetwork {
  base: IpValue
  prefix: number
  /** IPv4: 2^(32 - prefix), and the network's quotient by it (compare quotients, not bits). */
  divisor: number
  quotient: number
}

export function ipNetwork(base: IpValue, prefix: number): IpNetwork {
  const divisor = base.v === 4 ? 2 ** (32 - prefix) : 1
  return { base, prefix, divisor, quotient: base.v === 4 ? Math.floor(base.n / divisor) : 0 }
}

export function inNetwork(address: IpValue, network: IpNetwork): boolean {
  const { base, prefix } = network
  if (address.v === 4 && base.v === 4)
    return Math.floor(address.n / network.divisor) === network.quotient
  if (address.v === 6 && base.v === 6) {
    let left = prefix
    for (let i = 0; i < 8 && left > 0; i++, left -= 16) {
      const bits = Math.min(16, left)
      const mask = (0xffff << (16 - bits)) & 0xffff
      if (((address.parts[i] ?? 0) & mask) !== ((base.parts[i] ?? 0) & mask)) return false
    }
    return true
  }
  return false
}
