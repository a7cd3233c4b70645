// The header's way back to the rule-set results (or the run in progress) once the dialog closed:
// shown only while there is something to go back to.
import type { RuleSets } from './useRuleSets.ts'
import { tally } from './texts.ts'

export function RuleSetReopen({ sets }: { sets: RuleSets }) {
  const { stage } = sets
  if (stage.kind !== 'done' && stage.kind !== 'running') return null
  const label =
    stage.kind === 'running' ? 'Rules: running…' : `Rules: ${tally(stage.result).fired} fired`
  return (
    <button
      type="button"
      data-testid="ruleset-reopen"
      aria-haspopup="dialog"
      title="Back to which rules fire on these events"
      onClick={sets.show}
    >
      {label}
    </button>
  )
}
