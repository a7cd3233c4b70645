import { describe, expect, test } from 'vitest'
import { codes, compile, item } from './item-helpers.ts'

describe('cidr parsing', () => {
  test.each(['10.0.0.1/8', '192.168.1.1/24', '2001:db8::1/32'])(
    '%s has host bits set → BAD_CIDR',
    (cidr) => {
      const { item: compiled, diagnostics } = compile('Ip|cidr', cidr)
      expect(compiled).toBeUndefined()
      expect(codes(diagnostics)).toEqual(['BAD_CIDR'])
      expect(diagnostics[0]?.range).toEqual([9, 9 + cidr.length])
    },
  )

  test.each(['10.0.0.0/33', 'not-an-ip', '10.0.0/8', '::/129', '10.0.0.0/x', '300.0.0.0/8'])(
    '%s is not a network',
    (cidr) => {
      expect(codes(compile('Ip|cidr', cidr).diagnostics)).toEqual(['BAD_CIDR'])
    },
  )

  test('cidr must come first and cannot be followed by contains', () => {
    expect(codes(compile('Ip|base64|cidr', '10.0.0.0/8').diagnostics)).toContain('MODIFIER_ORDER')
    expect(codes(compile('Ip|cidr|contains', '10.0.0.0/8').diagnostics)).toEqual(['MODIFIER_TYPE'])
  })
})

describe('cidr matching', () => {
  test('compares bits, not strings', () => {
    expect(item('Ip|cidr', '172.16.0.0/12').match({ Ip: '172.31.255.255' })).toBe(true)
    expect(item('Ip|cidr', '172.16.0.0/12').match({ Ip: '172.32.0.0' })).toBe(false)
    expect(item('Ip|cidr', '192.168.1.7/32').match({ Ip: '192.168.1.70' })).toBe(false)
    expect(item('Ip|cidr', '192.168.1.7').match({ Ip: '192.168.1.7' })).toBe(true)
    expect(item('Ip|cidr', '0.0.0.0/0').match({ Ip: '8.8.8.8' })).toBe(true)
  })

  test('IPv6, with non-canonical spellings', () => {
    const rule = item('Ip|cidr', '2001:db8::/32')
    expect(rule.match({ Ip: '2001:DB8:0:0:0:0:0:1' })).toBe(true)
    expect(rule.match({ Ip: '2001:db9::1' })).toBe(false)
    expect(item('Ip|cidr', 'fe80::/10').match({ Ip: 'febf::1' })).toBe(true)
    expect(item('Ip|cidr', 'fe80::/10').match({ Ip: 'fec0::1' })).toBe(false)
    expect(item('Ip|cidr', '::1/128').match({ Ip: '::1' })).toBe(true)
  })

  test('only the same IP version matches; non-IP values are a type miss', () => {
    expect(item('Ip|cidr', '10.0.0.0/8').match({ Ip: '::ffff:10.0.0.1' })).toBe(false)
    const rule = item('Ip|cidr', '10.0.0.0/8')
    expect(rule.match({ Ip: 'ten' })).toBe(false)
    expect(rule.explain({ Ip: 'ten' }).values[0]?.reason).toBe('type')
    expect(rule.explain({ Ip: '11.0.0.1' }).values[0]?.reason).toBe('differs')
    expect(rule.match({ Ip: '10.1' })).toBe(false)
  })

  test('a list ORs, and the trace names the value that matched', () => {
    const rule = item('Ip|cidr', ['127.0.0.0/8', '10.0.0.0/8', 'fc00::/7'])
    const trace = rule.explain({ Ip: '10.2.3.4' })
    expect(trace.value).toBe(true)
    expect(trace.values.map((v) => v.value)).toEqual([false, true, false])
    expect(trace.values[1]).toMatchObject({ path: 'Ip', actual: '10.2.3.4', text: '10.0.0.0/8' })
  })
})
