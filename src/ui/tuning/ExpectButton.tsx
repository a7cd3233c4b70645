/** A row's mark: none → "should match" → "should not match" → none. */
import type { Expectation } from '../../engine/index.ts'

export const nextMark = (mark: Expectation | undefined): Expectation | undefined =>
  mark === undefined ? 'match' : mark === 'match' ? 'nomatch' : undefined

const TEXT = { none: '○', match: '＋', nomatch: '−' }
const LABEL = { none: 'not marked', match: 'should match', nomatch: 'should not match' }

/**
 * The mark inside a results row. The row is a listbox option, and an option may hold no
 * control of its own, so the mark is clickable for the mouse while the keyboard marks the
 * selected row with M, N and 0; a screen reader hears the mark's words with the row.
 */
export function ExpectButton(props: {
  index: number
  mark?: Expectation
  onMark(index: number, mark: Expectation | undefined): void
}) {
  const { index, mark, onMark } = props
  const state = mark ?? 'none'
  return (
    <span
      className={`expect expect-${state}`}
      data-testid="expect"
      data-expect={state}
      title={`${LABEL[state]} — click to change; with the list focused: M should match, N should not, 0 clears`}
      onClick={(e) => {
        e.stopPropagation()
        onMark(index, nextMark(mark))
      }}
    >
      <span aria-hidden="true">{TEXT[state]}</span>
      {mark && <span className="sr-only">{LABEL[state]}</span>}
    </span>
  )
}
