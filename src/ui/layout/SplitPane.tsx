/**
 * Two panes and a drag handle between them. The split is a fraction, saved as a preference under
 * `name`; the handle also moves with the arrow keys so resizing does not need a mouse.
 */
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react'
import { useCallback, useRef, useState } from 'react'
import { loadPaneSizes, savePaneSizes } from '../persistence/preferences.ts'

interface SplitPaneProps {
  name: string
  direction: 'row' | 'column'
  initial: number
  /** Smallest size of either pane, in pixels. */
  min?: number
  children: [ReactNode, ReactNode]
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))

export function SplitPane({ name, direction, initial, min = 120, children }: SplitPaneProps) {
  const [fraction, setFraction] = useState(() => loadPaneSizes()[name] ?? initial)
  const container = useRef<HTMLDivElement | null>(null)
  const dragging = useRef(false)

  const save = useCallback(
    (value: number) => savePaneSizes({ ...loadPaneSizes(), [name]: value }),
    [name],
  )

  const fractionAt = (clientX: number, clientY: number): number | undefined => {
    const box = container.current?.getBoundingClientRect()
    if (!box) return undefined
    const total = direction === 'row' ? box.width : box.height
    const offset = direction === 'row' ? clientX - box.left : clientY - box.top
    if (total <= 2 * min) return 0.5
    return clamp(offset, min, total - min) / total
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true
    event.currentTarget.setPointerCapture(event.pointerId)
    document.body.classList.add(direction === 'row' ? 'is-resizing-col' : 'is-resizing-row')
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return
    const next = fractionAt(event.clientX, event.clientY)
    if (next !== undefined) setFraction(next)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return
    dragging.current = false
    event.currentTarget.releasePointerCapture(event.pointerId)
    document.body.classList.remove('is-resizing-col', 'is-resizing-row')
    const next = fractionAt(event.clientX, event.clientY)
    if (next !== undefined) save(next)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp'
    const forward = direction === 'row' ? 'ArrowRight' : 'ArrowDown'
    if (event.key !== back && event.key !== forward) return
    event.preventDefault()
    const next = clamp(fraction + (event.key === forward ? 0.02 : -0.02), 0.1, 0.9)
    setFraction(next)
    save(next)
  }

  const percent = `${(fraction * 100).toFixed(2)}%`
  return (
    <div ref={container} className={`split split-${direction}`}>
      <div className="split-pane" style={{ flexBasis: percent }}>
        {children[0]}
      </div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuemin={10}
        aria-valuemax={90}
        aria-label="Resize panes"
        tabIndex={0}
        data-testid={`split-${name}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane split-pane-rest">{children[1]}</div>
    </div>
  )
}
