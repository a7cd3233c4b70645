import { describe, expect, test } from 'vitest'
import { toJsRegex } from '../../../src/engine/modifiers/re.ts'
import { codes, compile, item } from './item-helpers.ts'

describe('re', () => {
  test('is an unanchored, case-sensitive search by default', () => {
    const rule = item('F|re', 'ab+c')
    expect(rule.match({ F: 'xxabbbcxx' })).toBe(true)
    expect(rule.match({ F: 'xxABBCxx' })).toBe(false)
    expect(item('F|re', '^abc$').match({ F: 'xabc' })).toBe(false)
  })

  test('takes the raw value: no Sigma escaping, no wildcards', () => {
    expect(item('F|re', 'C:\\\\Windows\\\\.*\\.exe').match({ F: 'C:\\Windows\\x.exe' })).toBe(true)
    expect(item('F|re', 'a*').match({ F: 'b' })).toBe(true)
    expect(item('F|re', '\\d{3}').match({ F: 'id 123' })).toBe(true)
  })

  test.each([
    ['i', 'ABC', 'abc'],
    ['ignorecase', 'ABC', 'abc'],
    ['s', 'a.b', 'a\nb'],
    ['dotall', 'a.b', 'a\nb'],
    ['m', '^b$', 'a\nb\nc'],
    ['multiline', '^b$', 'a\nb\nc'],
  ])('flag modifier %s', (flag, pattern, text) => {
    expect(item('F|re', pattern).match({ F: text })).toBe(false)
    expect(item(`F|re|${flag}`, pattern).match({ F: text })).toBe(true)
  })

  test('leading inline flags become JS flags', () => {
    expect(item('F|re', '(?i)abc').match({ F: 'xABCx' })).toBe(true)
    expect(item('F|re', '(?s)a.b').match({ F: 'a\nb' })).toBe(true)
    expect(item('F|re', '(?ims)^A.B$').match({ F: 'x\na\nb\ny' })).toBe(true)
    expect(toJsRegex('(?i)(?m)x', '')).toEqual({ source: 'x', flags: 'im' })
  })

  test('Python named groups, backreferences and \\A \\Z are translated', () => {
    expect(item('F|re', '(?P<w>ab)-(?P=w)').match({ F: 'ab-ab' })).toBe(true)
    expect(item('F|re', '(?P<w>ab)-(?P=w)').match({ F: 'ab-cd' })).toBe(false)
    expect(item('F|re', '\\Aabc\\Z').match({ F: 'abc' })).toBe(true)
    expect(item('F|re', '\\Aabc\\Z').match({ F: 'abcd' })).toBe(false)
    expect(toJsRegex('[\\A]', '').source).toBe('[\\A]')
  })

  test('numbers are searched through their decimal text', () => {
    expect(item('F|re', '^46\\d\\d$').match({ F: 4688 })).toBe(true)
  })

  test('an invalid pattern is BAD_REGEX on the value', () => {
    const { item: compiled, diagnostics } = compile('F|re', '(x')
    expect(compiled).toBeUndefined()
    expect(codes(diagnostics)).toEqual(['BAD_REGEX'])
    expect(diagnostics[0]?.range).toEqual([6, 8])
  })

  test('order and type rules (§7)', () => {
    expect(codes(compile('F|contains|re', 'x').diagnostics)).toEqual(['MODIFIER_ORDER'])
    expect(codes(compile('F|re|cased', 'x').diagnostics)).toEqual(['MODIFIER_TYPE'])
    const noRe = compile('F|i', 'x').diagnostics
    expect(codes(noRe)).toEqual(['MODIFIER_TYPE'])
    expect(noRe[0]?.range).toEqual([2, 3])
    expect(item('F|re|contains', 'b').match({ F: 'abc' })).toBe(true)
  })
})
