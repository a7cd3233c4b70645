/**
 * What-if: each search identifier can be forced true or false, or left as is; a click moves to
 * the next state and the results show at once what would change.
 */
import type { IdentifierInfo } from '../../engine/index.ts'
import type { WhatIf } from '../../engine/index.ts'

const LABEL = { 'as-is': 'as is', true: 'forced true', false: 'forced false' }

export function WhatIfToggles(props: {
  identifiers: readonly IdentifierInfo[]
  whatif: WhatIf
  onCycle(name: string): void
  onReset(): void
}) {
  const { identifiers, whatif, onCycle, onReset } = props
  if (identifiers.length === 0) return null
  const forced = Object.keys(whatif).length > 0
  return (
    <div className="whatif-bar" role="group" aria-label="What if: force identifiers">
      <span className="whatif-title">What if</span>
      {identifiers.map(({ name }) => {
        const state = name in whatif ? String(whatif[name]) : 'as-is'
        return (
          <button
            key={name}
            type="button"
            className={`whatif whatif-${state}`}
            data-testid="whatif"
            data-identifier={name}
            data-state={state}
            aria-label={`${name}: ${LABEL[state as keyof typeof LABEL]}; click to change`}
            title={`${name}: ${LABEL[state as keyof typeof LABEL]} (click: as is → true → false)`}
            onClick={() => onCycle(name)}
          >
            {name}
            <span className="whatif-state">
              {state === 'as-is' ? '·' : state === 'true' ? '=✓' : '=✗'}
            </span>
          </button>
        )
      })}
      {forced && (
        <button type="button" className="whatif-reset" onClick={onReset}>
          Reset
        </button>
      )}
    </div>
  )
}
