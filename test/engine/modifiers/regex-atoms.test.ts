/**
 * The fewest characters a regex match takes: a bound that must never be too high (a value of
 * that length would be called no match), and high enough to spare the long patterns.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { shortestMatch } from '../../../src/engine/modifiers/regex-atoms.ts'

test.each([
  ['.{1000,}', 1000],
  ['[^/]{100,}$', 100],
  ['\\d{3}-\\d{4}', 8],
  ['ab*c', 2],
  ['\\x41{2}\\cJ', 3],
  ['\\.exe\\b', 4],
  // Unsure: alternation, groups, references and a `{` that is no quantifier.
  ['a|bbb', 0],
  ['(abc)', 0],
  ['(a)\\1', 0],
  ['\\k<n>', 0],
  ['ab{', 0],
])('%s takes at least %d characters', (source, shortest) => {
  expect(shortestMatch(source)).toBe(shortest)
})

const SOURCES = [
  'a{2,}',
  'ab?a',
  '(a|b)+a',
  '\\x61{3}',
  'a\\b',
  '(a)\\1b',
  '[ab]{2}\\.',
  '.*a',
  '^a$',
  'a|bb',
  '(?=a)a.',
  '(?<=b)a',
  'a\\s?b',
  '\\u0061\\u0062',
  '\\0a',
  'a{1,3}?b',
  '[^a]+',
  '\\Ba',
]

test('no match is ever shorter than the bound', () => {
  let matched = 0
  fc.assert(
    fc.property(
      fc.constantFrom(...SOURCES),
      fc.string({ unit: fc.constantFrom('a', 'b', '.', ' ', '\n', '\0'), maxLength: 12 }),
      (source, text) => {
        const match = new RegExp(source).exec(text)
        if (!match) return
        matched++
        expect(match[0].length).toBeGreaterThanOrEqual(shortestMatch(source))
      },
    ),
    { numRuns: 3000 },
  )
  expect(matched).toBeGreaterThan(500)
})
