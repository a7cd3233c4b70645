/**
 * A results row's tuning marks: the expectation, a what-if flip and new/lost since the baseline.
 * Plain props (no children), so a row can tell an unchanged set of marks from a changed one
 * and skip its render (see EventRow).
 */
import { memo } from 'react'
import type { Expectation } from '../../engine/index.ts'
import { ExpectButton } from './ExpectButton.tsx'

export const RowMarks = memo(function RowMarks(props: {
  index: number
  mark?: Expectation
  /** The row's verdict now: what a what-if flip or a baseline change is told against. */
  now: boolean
  flip: boolean
  changed: boolean
  onMark(index: number, mark: Expectation | undefined): void
}) {
  const { index, mark, now, flip, changed, onMark } = props
  return (
    <>
      <ExpectButton index={index} mark={mark} onMark={onMark} />
      {flip && (
        <span className="row-mark row-mark-flip" data-testid="whatif-flip">
          {now ? 'what-if: no match' : 'what-if: match'}
        </span>
      )}
      {changed && (
        <span
          className={`row-mark ${now ? 'row-mark-new' : 'row-mark-lost'}`}
          data-testid="baseline-mark"
          data-change={now ? 'new' : 'lost'}
        >
          {now ? 'new' : 'lost'}
        </span>
      )}
    </>
  )
})
