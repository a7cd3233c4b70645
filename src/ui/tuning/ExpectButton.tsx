/** A row's mark: none → "should match" → "should not match" → none. */
import type { Expectation } from '../../engine/index.ts'

export const nextMark = (mark: Expectation | undefined): Expectation | undefined =>
  mark === undefined ? 'match' : mark === 'match' ? 'nomatch' : undefined

const TEXT = { none: '○', match: '＋', nomatch: '−' }
const LABEL = { none: 'not marked', match: 'should match', nomatch: 'should not match' }

export function ExpectButton(props: {
  index: number
  mark?: Expectation
  onMark(index: number, mark: Expectation | undefined): void
}) {
  const { index, mark, onMark } = props
  const state = mark ?? 'none'
  return (
    <button
      type="button"
      className={`expect expect-${state}`}
      data-testid="expect"
      data-expect={state}
      aria-label={`Event #${index} ${LABEL[state]}; click to change (keys: M, N, 0)`}
      title={`${LABEL[state]} — click to change; with the list focused: M should match, N should not, 0 clears`}
      onClick={(e) => {
        e.stopPropagation()
        onMark(index, nextMark(mark))
      }}
    >
      {TEXT[state]}
    </button>
  )
}
