// Offsets of a result computed from an older text, moved onto the text now in the editor.
import { describe, expect, it } from 'vitest'
import {
  movedDiagnostics,
  movedRanges,
  offsetsAcross,
  unmoved,
} from '../../../src/ui/paint/text-drift.ts'

/** The text at `[start, end)` of `from`, read through the move in `to`. */
const moved = (from: string, to: string, start: number, end: number) => {
  const move = offsetsAcross(from, to)
  return to.slice(move(start), move(end))
}

describe('offsetsAcross', () => {
  const rule = "selection:\n  Initiated: 'true'\ncondition: selection\n"
  const value = rule.indexOf("'true'")
  const condition = rule.indexOf('selection\n', value)

  it('leaves every offset alone when the texts are the same', () => {
    const move = offsetsAcross(rule, rule)
    expect([0, value, rule.length].map(move)).toEqual([0, value, rule.length])
  })

  it('keeps a value painted whole across letters typed inside it', () => {
    const typed = rule.replace("'true'", "'truexx'")
    expect(moved(rule, typed, value, value + 6)).toBe("'truexx'")
    expect(moved(rule, typed, condition, condition + 9)).toBe('selection')
    expect(moved(rule, typed, 0, 10)).toBe('selection:')
  })

  it('follows deletions and lines added above', () => {
    const shorter = rule.replace("'true'", "'tr'")
    expect(moved(rule, shorter, condition, condition + 9)).toBe('selection')
    const longer = `title: x\n${rule}`
    expect(moved(rule, longer, value, value + 6)).toBe("'true'")
    expect(moved(rule, longer, condition, condition + 9)).toBe('selection')
  })

  it('puts an offset inside a replaced span within the new span', () => {
    const from = 'a: 1234\nb: 2\n'
    const to = 'a: 9\nb: 2\n'
    const move = offsetsAcross(from, to)
    for (let offset = 0; offset <= from.length; offset++) {
      const at = move(offset)
      expect(at).toBeGreaterThanOrEqual(0)
      expect(at).toBeLessThanOrEqual(to.length)
    }
    expect(to.slice(move(from.indexOf('b')))).toBe('b: 2\n')
    // Head and tail never overlap, however the characters around the edit repeat.
    expect(moved('aaab', 'aaaab', 0, 4)).toBe('aaaab')
    expect(moved('abab', 'ab', 0, 4)).toBe('ab')
  })
})

describe('movedRanges and movedDiagnostics', () => {
  const events = '[{"a": 1},\n {"a": 2}]'
  const ranges: [number, number][] = [
    [1, 9],
    [12, 20],
  ]

  it('move each event onto the text typed since', () => {
    const typed = events.replace('"a": 1', '"a": 123')
    const moved = movedRanges(ranges, offsetsAcross(events, typed))
    expect(moved.map(([s, e]) => typed.slice(s, e))).toEqual(['{"a": 123}', '{"a": 2}'])
    const diagnostics = movedDiagnostics(
      [{ range: [18, 19] as const, message: 'x' }],
      offsetsAcross(events, typed),
    )
    expect(diagnostics.map((d) => typed.slice(d.range[0], d.range[1]))).toEqual(['2'])
  })

  it('give back the same arrays when nothing moved, so nothing downstream redraws', () => {
    expect(offsetsAcross(events, events)).toBe(unmoved)
    expect(movedRanges(ranges, unmoved)).toBe(ranges)
    const list = [{ range: [0, 1] as const }]
    expect(movedDiagnostics(list, unmoved)).toBe(list)
  })

  it('leave texts over two million characters unmoved rather than scan them per result', () => {
    const big = 'x'.repeat(2_000_001)
    expect(offsetsAcross(big, `${big}y`)).toBe(unmoved)
  })
})
