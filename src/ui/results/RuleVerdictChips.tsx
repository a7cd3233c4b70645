/**
 * Several detection rules in the rule editor: each rule's verdict on one event (a chip per rule,
 * with its title), and above the rows each rule's number of matches. The row's own verdict,
 * chips and reason are the first rule's; these say what every other rule made of the event.
 */
import type { RuleVerdicts } from '../../worker/protocol.ts'
import { HitIcon, MissIcon } from '../layout/icons.tsx'
import { count, plural } from '../format.ts'
import './rule-verdicts.css'

export function RuleVerdictChips({ verdicts, index }: { verdicts: RuleVerdicts; index: number }) {
  const width = verdicts.rules.length
  return (
    <span className="rule-verdicts" role="group" aria-label="Verdict of each rule">
      {verdicts.rules.map((rule, r) => {
        const match = verdicts.match[index * width + r] === 1
        const state = rule.compiled ? (match ? 'match' : 'miss') : 'error'
        const said = !rule.compiled
          ? 'not evaluated (the rule has errors)'
          : match
            ? 'matches this event'
            : 'does not match this event'
        return (
          <span
            key={r}
            className={`chip rule-chip rule-chip-${state}`}
            data-testid="rule-verdict"
            data-rule={rule.label}
            data-match={rule.compiled ? String(match) : 'error'}
            title={`Rule ${rule.title} (${rule.label}) ${said}`}
          >
            {match ? <HitIcon size={11} /> : <MissIcon size={11} />}
            <span className="rule-chip-title">{rule.title}</span>
            <span className="sr-only">{match ? ': match' : ': no match'}</span>
          </span>
        )
      })}
    </span>
  )
}

export function RuleCounts({ verdicts, events }: { verdicts: RuleVerdicts; events: number }) {
  return (
    <ul className="rule-counts" data-testid="rule-counts" aria-label="Matches per rule">
      <li className="rule-counts-head" aria-hidden="true">
        Per rule:
      </li>
      {verdicts.rules.map((rule, r) => (
        <li
          key={r}
          className={`rule-count ${rule.matches > 0 ? 'tally-match' : ''}`}
          data-testid="rule-count"
          data-rule={rule.label}
          data-count={rule.compiled ? rule.matches : undefined}
          title={`${rule.title} (${rule.label}): ${rule.compiled ? `${count(rule.matches)} of ${plural(events, 'event')} match` : 'not evaluated, the rule has errors'}`}
        >
          <span className="rule-count-title">{rule.title}</span>{' '}
          <strong>{rule.compiled ? rule.matches.toLocaleString('en-US') : '–'}</strong>{' '}
          {rule.matches === 1 ? 'match' : 'matches'}
        </li>
      ))}
    </ul>
  )
}
