import { describe, expect, test } from 'vitest'
import { compileGlob, normalizeTokens } from '../../../src/engine/match/glob.ts'
import { parseSigmaString } from '../../../src/engine/modifiers/strings.ts'

const glob = (pattern: string, cased = false) => {
  const test = compileGlob(parseSigmaString(pattern), cased)
  return (text: string) => test({ text, lower: text.toLowerCase() })
}

describe('compileGlob', () => {
  test.each([
    ['abc', 'ABC', true],
    ['abc', 'abcd', false],
    ['*bc', 'xxBC', true],
    ['ab*', 'ABxx', true],
    ['*b*', 'xBx', true],
    ['a*c', 'a\nc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxcyyb', false],
    ['?', 'x', true],
    ['?', '', false],
    ['', '', true],
    ['', 'x', false],
    ['*', '', true],
    ['**', 'x', true],
  ])('%j vs %j → %s', (pattern, text, expected) => {
    expect(glob(pattern)(text)).toBe(expected)
  })

  test('cased compares as written', () => {
    expect(glob('*Bc', true)('xBc')).toBe(true)
    expect(glob('*Bc', true)('xbc')).toBe(false)
    expect(glob('a?C', true)('abC')).toBe(true)
    expect(glob('a?C', true)('abc')).toBe(false)
  })

  test('normalizes ** and merges literals', () => {
    expect(
      normalizeTokens([{ t: 'star' }, { t: 'star' }, { t: 'lit', s: 'a' }, { t: 'lit', s: 'b' }]),
    ).toEqual([{ t: 'star' }, { t: 'lit', s: 'ab' }])
  })
})
