// What the status line and the dialog say about a rule-set run.
import type { RuleSetProgress, RuleSetResult } from '../../worker/ruleset-protocol.ts'
import { count, plural } from '../format.ts'

const n = count

/** "1,200 of 3,780 rules compiled · 4,000 of 10,000 events" */
export function progressText(p: RuleSetProgress): string {
  if (p.phase === 'parse') return `Reading ${plural(p.rulesTotal, 'rule')}: parsing the events…`
  const rules = `${n(p.rulesDone)} of ${n(p.rulesTotal)} rules compiled`
  if (p.phase === 'compile') return rules
  return `${rules} · ${n(p.eventsDone)} of ${n(p.eventsTotal)} events`
}

/** The fraction done, for a progress bar: compiling counts as much as evaluating. */
export function progressFraction(p: RuleSetProgress | undefined): number {
  if (!p || p.phase === 'parse') return 0
  const compiled = p.rulesTotal === 0 ? 1 : p.rulesDone / p.rulesTotal
  const evaluated = p.eventsTotal === 0 ? 1 : p.eventsDone / p.eventsTotal
  return p.phase === 'compile' ? compiled / 2 : 0.5 + evaluated / 2
}

export interface Tally {
  fired: number
  silent: number
  errors: number
}

export function tally(result: RuleSetResult): Tally {
  const fired = result.rules.filter((r) => r.hits > 0).length
  const errors = new Set(result.errors.map((e) => e.path)).size
  return { fired, silent: result.rules.length - fired, errors }
}

/** "3 of 5 rules fire on 8 events · 2 without a hit · 1 with errors · 1 file skipped (0.4 s)" */
export function summaryText(result: RuleSetResult): string {
  const { fired, silent, errors } = tally(result)
  const parts = [
    `${n(fired)} of ${plural(result.rules.length, 'rule')} fire${fired === 1 ? 's' : ''} on ${plural(result.events, 'event')}`,
    `${n(silent)} without a hit`,
  ]
  if (errors > 0) parts.push(`${plural(errors, 'rule')} with errors`)
  if (result.skipped > 0)
    parts.push(`${plural(result.skipped, 'filter or correlation file')} skipped`)
  const seconds = (result.millis.compile + result.millis.evaluate) / 1000
  return `${parts.join(' · ')} (${seconds.toFixed(1)} s)`
}
