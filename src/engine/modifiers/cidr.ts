/**
 * cidr (§4.6): strict networks (host bits set is an error), bare addresses are /32 or /128,
 * and an event address matches only a network of its own IP version.
 */
import ipaddr from 'ipaddr.js'
import type { IPv4, IPv6 } from 'ipaddr.js'
import type { Refusal, TypedValue } from './typed-value.ts'
import { isRefusal, refuse } from './typed-value.ts'
import type { IpNetwork, IpValue } from '../match/ip.ts'
import { ipNetwork, parseIp } from '../match/ip.ts'

type Address = IPv4 | IPv6
type Network = [Address, number]

/** Parses an address in the strict forms only (no `10.1` or octal/hex IPv4 shorthands). */
function parseAddress(text: string): Address | undefined {
  if (parseIp(text)?.v === 4) return ipaddr.IPv4.parse(text)
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text)
  return undefined
}

function sameAddress(a: Address, b: Address): boolean {
  return a.toNormalizedString() === b.toNormalizedString()
}

type Cidr = Extract<TypedValue, { kind: 'cidr' }>

/**
 * Networks already read, by their text: the page compiles the rule again on every key, and a
 * rule's list of private ranges took a millisecond of each. The values are never changed.
 */
const parsed = new Map<string, Cidr>()
const MAX_PARSED = 4096

export function parseCidr(text: string): Cidr | Refusal {
  const known = parsed.get(text)
  if (known) return known
  const result = readCidr(text)
  if (!isRefusal(result)) {
    if (parsed.size >= MAX_PARSED) parsed.clear()
    parsed.set(text, result)
  }
  return result
}

function readCidr(text: string): Cidr | Refusal {
  const slash = text.indexOf('/')
  const addressText = slash < 0 ? text : text.slice(0, slash)
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1)
  const address = parseAddress(addressText)
  const bad = () =>
    refuse(
      'BAD_CIDR',
      `Invalid CIDR expression: ${text} does not appear to be an IPv4 or IPv6 network`,
      'value',
    )
  if (!address) return bad()
  const max = address.kind() === 'ipv4' ? 32 : 128
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return bad()
  const prefix = prefixText === undefined ? max : Number(prefixText)
  if (prefix > max) return bad()
  const network: Network = [address, prefix]
  const networkAddress =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
  if (!sameAddress(networkAddress, address))
    return refuse('BAD_CIDR', `Invalid CIDR expression: ${text} has host bits set`, 'value')
  return { kind: 'cidr', text, network }
}

export function networkFacts(network: Network): {
  network: string
  first: string
  last: string
  size: string
} {
  const [address, prefix] = network
  const text = `${address.toString()}/${prefix}`
  const isV4 = address.kind() === 'ipv4'
  const first = isV4
    ? ipaddr.IPv4.networkAddressFromCIDR(text)
    : ipaddr.IPv6.networkAddressFromCIDR(text)
  const last = isV4
    ? ipaddr.IPv4.broadcastAddressFromCIDR(text)
    : ipaddr.IPv6.broadcastAddressFromCIDR(text)
  const size = 2n ** BigInt((isV4 ? 32 : 128) - prefix)
  return { network: text, first: first.toString(), last: last.toString(), size: size.toString() }
}

/** The network in the numeric form the per-event test uses. */
export function toIpNetwork(network: Network): IpNetwork {
  const [address, prefix] = network
  return ipNetwork(parseIp(address.toString()) as IpValue, prefix)
}
