import { describe, expect, test } from 'vitest'
import { windash, windashPositions } from '../../../src/engine/modifiers/windash.ts'
import { parseSigmaString, plainString } from '../../../src/engine/modifiers/strings.ts'
import { tokensToDisplay } from '../../../src/engine/match/glob.ts'
import { item } from './item-helpers.ts'

const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015']

const spellings = (raw: string) =>
  windash(plainString(raw)).map((alt) =>
    alt.value.kind === 'string' ? tokensToDisplay(alt.value.tokens) : '?',
  )

describe('windash positions (pySigma \\B[-/]\\b, Unicode-aware)', () => {
  test.each([
    [' -exec', 1],
    ['-nop', 1],
    [' /quiet', 1],
    ['foo-bar', 0],
    ['--help', 1],
    ['a -b -c', 2],
    ['x -', 0],
    ['é-x', 0],
    [' -é', 1],
    ['"-x"', 1],
  ])('%j has %i expansion point(s)', (raw, count) => {
    expect(windashPositions(parseSigmaString(raw))).toHaveLength(count)
  })

  test('--help expands only the second dash', () => {
    expect(spellings('--help')).toEqual(DASHES.map((d) => `-${d}help`))
  })

  test('en and em dashes written in the rule are not expansion points', () => {
    expect(spellings(' \u2013exec')).toEqual([' \u2013exec'])
  })

  test('all five characters, all combinations, the original among them', () => {
    expect(spellings(' -exec')).toEqual(DASHES.map((d) => ` ${d}exec`))
    const two = spellings('-a -b')
    expect(two).toHaveLength(25)
    expect(new Set(two).size).toBe(25)
    expect(two).toContain('-a -b')
    expect(two).toContain('\u2015a /b')
  })

  test('a dash after a wildcard is word-initial', () => {
    expect(windashPositions(parseSigmaString('*-x'))).toHaveLength(1)
  })
})

describe('windash matching', () => {
  test('matches every dash character and reports which one', () => {
    const rule = item('CommandLine|windash|contains', ' -exec')
    for (const d of DASHES)
      expect(rule.match({ CommandLine: `powershell ${d}exec bypass` })).toBe(true)
    expect(rule.match({ CommandLine: 'powershell \u2212exec bypass' })).toBe(false)
    expect(rule.explain({ CommandLine: 'p \u2014exec' }).values[0]?.variant).toContain('U+2014')
  })

  test('foo-bar is not expanded', () => {
    expect(item('F|windash', 'foo-bar').match({ F: 'foo/bar' })).toBe(false)
    expect(item('F|windash', 'foo-bar').match({ F: 'foo-bar' })).toBe(true)
  })

  test('contains before or after windash is the same', () => {
    const event = { F: 'x /nop y' }
    expect(item('F|contains|windash', '-nop').match(event)).toBe(true)
    expect(item('F|windash|contains', '-nop').match(event)).toBe(true)
  })

  test('with all: each value is its own OR group', () => {
    const rule = item('F|windash|contains|all', [' -a', ' -b'])
    expect(rule.match({ F: 'cmd /a \u2013b' })).toBe(true)
    expect(rule.match({ F: 'cmd /a' })).toBe(false)
  })

  test('many positions fall back to a character class and still match', () => {
    const rule = item('F|windash', '-a -b -c -d -e')
    expect(rule.match({ F: '/a \u2013b \u2014c \u2015d -e' })).toBe(true)
    expect(rule.match({ F: '+a -b -c -d -e' })).toBe(false)
  })
})
