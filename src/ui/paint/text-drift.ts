/**
 * A result can land for a text the user has typed past (the run outlasted a key). Its offsets
 * are moved onto the text now in the editor through the one span that differs (the common head
 * and tail stay put), so the paint sits on the words it is about, not a few characters off.
 */

/** Maps an offset into `from` to the same place in `to`. */
export function offsetsAcross(from: string, to: string): (offset: number) => number {
  if (from === to) return (offset) => offset
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
