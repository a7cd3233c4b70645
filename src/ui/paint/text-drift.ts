/**
 * A result can land for a text the user has typed past (the run outlasted a key). Its offsets
 * are moved onto the text now in the editor through the one span that differs (the common head
 * and tail stay put), so the paint sits on the words it is about, not a few characters off.
 */
import type { Range } from '../../engine/index.ts'

export type MoveOffset = (offset: number) => number

/** Texts the same: every offset stays. */
export const unmoved: MoveOffset = (offset) => offset

/**
 * Longer texts are left unmoved: scanning megabytes on the page's thread at each result would
 * cost more than paint that sits a few typed characters off until the next result.
 */
const MOVED_TEXT_LIMIT = 2_000_000

/** Maps an offset into `from` to the same place in `to`. */
export function offsetsAcross(from: string, to: string): MoveOffset {
  if (from === to || from.length > MOVED_TEXT_LIMIT || to.length > MOVED_TEXT_LIMIT) return unmoved
  const shortest = Math.min(from.length, to.length)
  let head = 0
  while (head < shortest && from.charCodeAt(head) === to.charCodeAt(head)) head++
  let tail = 0
  while (
    tail < shortest - head &&
    from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)
  )
    tail++
  const shift = to.length - from.length
  const changedEnd = from.length - tail
  return (offset) => {
    if (offset <= head) return offset
    if (offset >= changedEnd) return offset + shift
    // Inside what changed: the nearest edge of the new span.
    return Math.min(offset, changedEnd + shift)
  }
}

/** The ranges moved by `move`: the same array when nothing moves. */
export function movedRanges(ranges: Range[], move: MoveOffset): Range[] {
  if (move === unmoved) return ranges
  return ranges.map(([start, end]): Range => [move(start), move(end)])
}

/** Diagnostics with their ranges moved, as `movedRanges`. */
export function movedDiagnostics<T extends { range: Range }>(list: T[], move: MoveOffset): T[] {
  if (move === unmoved) return list
  return list.map((d) => ({ ...d, range: [move(d.range[0]), move(d.range[1])] }))
}
