import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { eventIndexAt } from '../../../src/ui/editors/event-index.ts'
import type { Range } from '../../../src/engine/types.ts'

function linear(ranges: Range[], offset: number): number {
  return ranges.findIndex((r) => offset >= r[0] && offset <= r[1])
}

describe('eventIndexAt', () => {
  it('finds the event holding an offset, -1 between events', () => {
    const ranges: Range[] = [
      [2, 10],
      [13, 20],
      [22, 30],
    ]
    expect(eventIndexAt(ranges, 0)).toBe(-1)
    expect(eventIndexAt(ranges, 2)).toBe(0)
    expect(eventIndexAt(ranges, 10)).toBe(0)
    expect(eventIndexAt(ranges, 11)).toBe(-1)
    expect(eventIndexAt(ranges, 25)).toBe(2)
    expect(eventIndexAt([], 3)).toBe(-1)
  })

  it('agrees with a linear scan on random disjoint ranges', () => {
    const rangesArb = fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 40 }).map((pairs) => {
      const ranges: Range[] = []
      let at = 0
      for (const [gap, length] of pairs) {
        ranges.push([at + gap, at + gap + length])
        at += gap + length + 1
      }
      return ranges
    })
    fc.assert(
      fc.property(rangesArb, fc.nat(900), (ranges, offset) => {
        expect(eventIndexAt(ranges, offset)).toBe(linear(ranges, offset))
      }),
    )
  })
})
