import { describe, expect, test } from 'vitest'
import { isoWeek, parseIsoDate } from '../../../src/engine/modifiers/compare.ts'
import { codes, compile, item } from './item-helpers.ts'

describe('lt, lte, gt, gte', () => {
  test('compare event numbers and numeric strings numerically', () => {
    expect(item('N|lt', 1000).match({ N: '999' })).toBe(true)
    expect(item('N|lt', 1000).match({ N: 1000 })).toBe(false)
    expect(item('N|lte', 1000).match({ N: 1000 })).toBe(true)
    expect(item('N|gt', 1.5).match({ N: 2 })).toBe(true)
    expect(item('N|gte', -3).match({ N: '-3' })).toBe(true)
  })

  test('non-numeric, absent or null values do not match', () => {
    const rule = item('N|gt', 1)
    expect(rule.match({ N: 'ten' })).toBe(false)
    expect(rule.explain({ N: 'ten' }).values[0]?.reason).toBe('type')
    expect(rule.match({})).toBe(false)
    expect(rule.match({ N: null })).toBe(false)
    expect(rule.match({ N: true })).toBe(false)
  })

  test('the value must be a YAML number', () => {
    const { diagnostics } = compile('N|gt', '10')
    expect(codes(diagnostics)).toEqual(['MODIFIER_TYPE'])
    expect(diagnostics[0]?.range).toEqual([2, 4])
    expect(codes(compile('N|gt', 'ten').diagnostics)).toEqual(['MODIFIER_TYPE'])
    expect(codes(compile('N|startswith', 46).diagnostics)).toEqual(['MODIFIER_TYPE'])
  })

  test('a list ORs', () => {
    expect(item('N|lt', [1, 100]).match({ N: 50 })).toBe(true)
  })
})

describe('time parts', () => {
  const ts = { Ts: '2025-11-27T07:40:10.165324Z' }

  test('extracts the part as written, without time-zone conversion', () => {
    expect(item('Ts|hour', 7).match(ts)).toBe(true)
    expect(item('Ts|minute', 40).match(ts)).toBe(true)
    expect(item('Ts|day', 27).match(ts)).toBe(true)
    expect(item('Ts|month', 11).match(ts)).toBe(true)
    expect(item('Ts|year', 2025).match(ts)).toBe(true)
    expect(item('Ts|hour', 23).match({ Ts: '2025-01-01T23:30:00+05:00' })).toBe(true)
    expect(item('Ts|hour', 7).match({ Ts: '2025-11-27 07:40:10.132' })).toBe(true)
  })

  test('ISO week numbers', () => {
    expect(isoWeek(2025, 11, 27)).toBe(48)
    expect(isoWeek(2021, 1, 1)).toBe(53)
    expect(isoWeek(2024, 12, 30)).toBe(1)
    expect(item('Ts|week', 48).match(ts)).toBe(true)
  })

  test('followed by a comparison', () => {
    expect(item('Ts|hour|gte', 18).match({ Ts: '2025-01-01T19:00:00Z' })).toBe(true)
    expect(item('Ts|hour|gte', 18).match(ts)).toBe(false)
    expect(item('Ts|month|lt', 3).match({ Ts: '2025-02-10' })).toBe(true)
  })

  test('unparsable dates do not match', () => {
    expect(parseIsoDate('27/11/2025')).toBeUndefined()
    expect(item('Ts|hour', 7).match({ Ts: 'yesterday' })).toBe(false)
    expect(item('Ts|hour', 7).explain({ Ts: 'yesterday' }).values[0]?.reason).toBe('type')
  })

  test('needs a number', () => {
    expect(codes(compile('Ts|hour', '7').diagnostics)).toEqual(['MODIFIER_TYPE'])
  })
})
