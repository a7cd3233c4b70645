/**
 * Renders only the rows in view (plus a few either side), so 10,000 events paint as fast as 10.
 * Rows have one fixed height, which keeps the arithmetic exact.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react'

export const ROW_HEIGHT = 56
const OVERSCAN = 6

/**
 * Rows are explained in blocks, so scrolling asks the worker again only across block edges.
 * Every key typed in the rule explains the block again (about ten verdicts' worth a row), so a
 * block is about a screenful: 25 rows cost a key a third more of the worker's time than 10.
 */
const BLOCK = 10

export function useVirtualRows(
  count: number,
  selected: number,
  onWindow?: (window: [number, number]) => void,
) {
  // A callback ref: the list mounts later than the pane (after the first result).
  const [node, setNode] = useState<HTMLDivElement | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useLayoutEffect(() => {
    if (!node) return undefined
    const observer = new ResizeObserver(() => setHeight(node.clientHeight))
    observer.observe(node)
    setHeight(node.clientHeight)
    return () => observer.disconnect()
  }, [node])

  // Keep the selected row in view when it changes from elsewhere (F8, the events editor).
  useEffect(() => {
    if (!node || selected < 0) return
    const top = selected * ROW_HEIGHT
    if (top < node.scrollTop) node.scrollTop = top
    else if (top + ROW_HEIGHT > node.scrollTop + node.clientHeight) {
      node.scrollTop = top + ROW_HEIGHT - node.clientHeight
    }
  }, [node, selected])

  const onScroll = useCallback(() => {
    if (node) setScrollTop(node.scrollTop)
  }, [node])

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)

  const blockStart = Math.floor(first / BLOCK) * BLOCK
  const blockEnd = Math.ceil(last / BLOCK) * BLOCK || BLOCK
  useEffect(() => onWindow?.([blockStart, blockEnd]), [onWindow, blockStart, blockEnd])
  return { viewport: setNode, onScroll, first, last, totalHeight: count * ROW_HEIGHT }
}
