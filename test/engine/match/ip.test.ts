import { describe, expect, test } from 'vitest'
import { inNetwork, ipNetwork, parseIp } from '../../../src/engine/match/ip.ts'

describe('parseIp', () => {
  test.each(['10.0.0.1', '0.0.0.0', '255.255.255.255'])('%s is IPv4', (text) => {
    expect(parseIp(text)?.v).toBe(4)
  })

  test.each([
    '10.1',
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3.4.5',
    '1..2.3',
    '0x0a.0.0.1',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '',
  ])('%j is not an address', (text) => {
    expect(parseIp(text)).toBeUndefined()
  })

  test('IPv6 forms', () => {
    expect(parseIp('::1')).toEqual({ v: 6, parts: [0, 0, 0, 0, 0, 0, 0, 1] })
    expect(parseIp('2001:DB8::1')?.v).toBe(6)
    expect(parseIp('::ffff:10.0.0.1')?.v).toBe(6)
    expect(parseIp('2001:db8:::1')).toBeUndefined()
  })
})

describe('inNetwork', () => {
  const net = (text: string, prefix: number) => ipNetwork(parseIp(text) ?? { v: 4, n: 0 }, prefix)
  const ip = (text: string) => parseIp(text) ?? { v: 4 as const, n: -1 }

  test('IPv4 prefixes, including /0 and /32', () => {
    expect(inNetwork(ip('172.31.255.255'), net('172.16.0.0', 12))).toBe(true)
    expect(inNetwork(ip('172.32.0.0'), net('172.16.0.0', 12))).toBe(false)
    expect(inNetwork(ip('1.2.3.4'), net('0.0.0.0', 0))).toBe(true)
    expect(inNetwork(ip('255.255.255.255'), net('255.255.255.255', 32))).toBe(true)
    expect(inNetwork(ip('255.255.255.254'), net('255.255.255.255', 32))).toBe(false)
  })

  test('IPv6 prefixes that cut through a group', () => {
    expect(inNetwork(ip('fe80::1'), net('fe80::', 10))).toBe(true)
    expect(inNetwork(ip('febf:ffff::1'), net('fe80::', 10))).toBe(true)
    expect(inNetwork(ip('fec0::1'), net('fe80::', 10))).toBe(false)
    expect(inNetwork(ip('::'), net('::', 0))).toBe(true)
  })

  test('versions never mix', () => {
    expect(inNetwork(ip('::ffff:10.0.0.1'), net('10.0.0.0', 8))).toBe(false)
    expect(inNetwork(ip('10.0.0.1'), net('::', 0))).toBe(false)
  })
})
