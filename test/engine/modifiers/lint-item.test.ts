import { describe, expect, test } from 'vitest'
import type { Scalar } from '../../../src/engine/types.ts'
import { compile } from './item-helpers.ts'

const warnings = (key: string | null, values: Scalar | Scalar[]) =>
  compile(key, values).diagnostics.map((d) => [d.code, d.severity, d.range])

describe('value-level warnings', () => {
  test('contains with a leading or trailing *', () => {
    expect(warnings('F|contains', ['*abc', 'abc*', 'a*c', 'abc\\*'])).toEqual([
      ['CONTAINS_WITH_WILDCARD', 'warning', [12, 16]],
      ['CONTAINS_WITH_WILDCARD', 'warning', [19, 23]],
    ])
    expect(warnings('F|contains', 'abc\\\\*')).toEqual([
      ['CONTAINS_WITH_WILDCARD', 'warning', [12, 18]],
    ])
  })

  test('all on a single value, at the modifier', () => {
    expect(warnings('F|contains|all', 'x')).toEqual([['ALL_SINGLE_VALUE', 'warning', [11, 14]]])
  })

  test('all without contains on a field', () => {
    expect(warnings('F|all', ['a', 'b'])).toEqual([['ALL_WITHOUT_CONTAINS', 'warning', [2, 5]]])
    expect(warnings('|all', ['a', 'b'])).toEqual([])
  })

  test('duplicate values, case-insensitive unless cased', () => {
    expect(warnings('F', ['abc', 'ABC'])).toEqual([['DUPLICATE_VALUE', 'warning', [9, 12]]])
    expect(warnings('F|cased', ['abc', 'ABC'])).toEqual([])
    expect(warnings('F', [1, '1'])).toEqual([])
  })

  test('base64offset without contains', () => {
    expect(warnings('F|base64offset', 'x').map((w) => w[0])).toEqual([
      'BASE64OFFSET_WITHOUT_CONTAINS',
    ])
    expect(warnings('F|base64offset|contains', 'x')).toEqual([])
  })

  test('cased before an encoding is lost', () => {
    expect(warnings('F|cased|base64', 'x')).toEqual([['CASED_LOST', 'warning', [2, 7]]])
    expect(warnings('F|base64|cased', 'x')).toEqual([])
  })

  test("'*' alone, and null inside a list", () => {
    expect(warnings('F', '*').map((w) => w[0])).toEqual(['WILDCARD_ONLY_VALUE'])
    expect(warnings('F', ['', null]).map((w) => w[0])).toEqual(['NULL_IN_LIST'])
  })

  test('the escaped-star trap in Windows paths', () => {
    expect(warnings('F|endswith', '\\AppData\\Local\\Temp\\*.zip').map((w) => w[0])).toEqual([
      'ESCAPED_WILDCARD',
    ])
    expect(warnings('F|endswith', '\\AppData\\Local\\Temp\\\\*.zip')).toEqual([])
    expect(warnings('F|contains', ' -Filter \\*')).toEqual([])
    expect(warnings('F|re', '\\Temp\\*')).toEqual([])
  })

  test('warnings do not stop the item compiling', () => {
    expect(compile('F|contains', '*abc*').item).toBeDefined()
  })

  test('a control character from a double-quoted escape: the \\rundll32 trap', () => {
    const found = compile('Image|endswith', '\rundll32.exe').diagnostics
    expect(found.map((d) => d.code)).toEqual(['DOUBLE_QUOTED_ESCAPE'])
    expect(found[0]?.message).toContain('a carriage return')
    expect(compile('Image|endswith', '\\rundll32.exe').diagnostics).toEqual([])
    expect(warnings(null, ['C:\temp']).map((w) => w[0])).toEqual(['DOUBLE_QUOTED_ESCAPE'])
  })

  test('a nested open-ended repeat in a regex, not a fixed count', () => {
    for (const re of ['(a+)+$', '(?:.*\\)){1,}', '(\\w*)*x'])
      expect(
        warnings('F|re', re).map((w) => w[0]),
        re,
      ).toEqual(['REGEX_NESTED_QUANTIFIER'])
    for (const re of ['(\\d+\\.){3}\\d+', 'a+b*', '(ab)+', '[a-z]+(?:\\.[a-z]+){2}'])
      expect(warnings('F|re', re), re).toEqual([])
  })
})
