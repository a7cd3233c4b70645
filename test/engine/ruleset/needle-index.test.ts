/**
 * NeedleIndex: a scan reports exactly the groups with a needle in the text, the same answer
 * as `text.toLowerCase().includes(needle)` for every (folded) needle, whatever the index's
 * size (past its dense rows), the needles' length or their characters (emoji, Cyrillic,
 * separators), and whatever case the text is in.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { NeedleIndex } from '../../../src/engine/ruleset/needle-index.ts'

function reported(index: NeedleIndex, text: string): number[] {
  const groups = new Set<number>()
  index.scan(text, (g) => groups.add(g))
  return [...groups].sort((a, b) => a - b)
}

function naive(needles: readonly (readonly string[])[], text: string): number[] {
  return needles.flatMap((group, g) => (group.some((n) => text.includes(n)) ? [g] : []))
}

// A small alphabet makes shared prefixes, suffixes and overlaps likely; the rest are rare.
const CHARS = ['a', 'b', 'c', '\\', '.', '\u0000', 'я', '\u{1F600}', '\u{1F601}', 'é']
const piece = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 })
const needle = piece.map((chars) => chars.join(''))
const groups = fc.array(fc.array(needle, { minLength: 1, maxLength: 3 }), { maxLength: 12 })

test('reports exactly the groups whose needles the text holds', () => {
  fc.assert(
    fc.property(groups, fc.array(needle, { maxLength: 10 }), (needles, parts) => {
      const text = parts.join('')
      expect(reported(new NeedleIndex(needles), text)).toEqual(naive(needles, text))
    }),
    { numRuns: 500 },
  )
})

// Upper case, and characters whose lower case is ASCII (Kelvin sign) or longer (dotted I).
const CASED = ['A', 'B', 'C', 'Я', '\u212a', '\u0130', 'k', 'i', '\u0307', 'Σ']
const ASCII = ['a', 'b', 'c', 'A', 'B', 'C', 'k', 'K', '.']
// ASCII alone is folded as it is read; any other character sends the text through toLowerCase.
const casedText = fc.oneof(
  fc.array(fc.constantFrom(...ASCII), { maxLength: 30 }),
  fc.array(fc.constantFrom(...CHARS, ...CASED), { maxLength: 30 }),
)

test('reads the text folded: upper case and context-dependent characters included', () => {
  const foldedNeedles = fc.array(
    fc.array(
      casedText.map((chars) => chars.join('').toLowerCase()).filter((n) => n !== ''),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    { maxLength: 12 },
  )
  fc.assert(
    fc.property(foldedNeedles, casedText, (needles, chars) => {
      const text = chars.join('')
      expect(reported(new NeedleIndex(needles), text)).toEqual(naive(needles, text.toLowerCase()))
    }),
    { numRuns: 500 },
  )
})

test('a needle sharing a long prefix with many others is told apart by its end', () => {
  const prefix = 'c:\\windows\\system32\\'
  const needles = ['wpbbin.exe', 'scrcons.exe', 'svchost.exe'].map((name) => [prefix + name])
  const index = new NeedleIndex(needles)
  expect(reported(index, `x ${prefix}svchost.exe y`)).toEqual([2])
  expect(reported(index, `${prefix}cmd.exe`)).toEqual([])
  // Two emoji are not any two non-ASCII characters.
  const emoji = new NeedleIndex([['\u{1F600}'], ['\u{1F4A9}']])
  expect(reported(emoji, 'привет \u{1F4A9}')).toEqual([1])
  expect(reported(emoji, 'привет')).toEqual([])
})

test('past the dense rows (many deep states), scans stay exact', () => {
  // 3,000 distinct 12-character needles: far more states than the dense table holds.
  const needles = Array.from({ length: 3000 }, (_, i) => [
    `n${i.toString(36).padStart(4, '0')}-tail-x`,
  ])
  const index = new NeedleIndex(needles)
  expect(index.states).toBeGreaterThan(20_000)
  const text = needles
    .filter((_, i) => i % 7 === 0)
    .map(([n]) => `..${n}..${(n as string).slice(0, 9)}`)
    .join('\u0000')
  expect(reported(index, text)).toEqual(naive(needles, text))
})
