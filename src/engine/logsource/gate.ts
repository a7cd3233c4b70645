/**
 * The rule's logsource over prepared events: each event's fit (for marking rows), and, under
 * `logsourceOnly`, a hidden identifier `_logsource` ANDed to the condition so that events
 * outside never match, on the fast path, in verdicts and in traces alike.
 */
import type { PreparedEvent } from '../item.ts'
import { asView } from '../match/prepare-event.ts'
import type { RuleParts } from '../meta/apply-filters.ts'
import { andIdentifier } from '../pipeline/add-conditions.ts'
import type { FieldPlan } from '../pipeline/field-plan.ts'
import type { CompiledSearch } from '../rule/compile-search.ts'
import { NOTHING_KNOWN } from '../ruleset/needles.ts'
import type { RuleMeta } from '../types.ts'
import { eventIdOf, logsourceJudge, type LogsourceFit } from './logsource-fit.ts'

export const LOGSOURCE_IDENTIFIER = '_logsource'

export type EventFit = (event: PreparedEvent) => LogsourceFit

/** The fit of an event, read through the same field names (pipelines, field map) as the rule. */
export function eventFitFor(meta: RuleMeta, plan: FieldPlan | undefined): EventFit | undefined {
  const judge = logsourceJudge(meta.logsource)
  if (!judge) return undefined
  const read = (event: PreparedEvent, field: string) => {
    const view = asView(event)
    for (const name of plan ? plan.names(field) : [field]) {
      const leaf = view.lookup(name).scalars[0]
      if (leaf) return leaf.subject.raw
    }
    return undefined
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  return (event) =>
    judge({
      eventId: eventIdOf(read(event, 'EventID')),
      channel: text(read(event, 'Channel')),
      provider: text(read(event, 'Provider_Name')),
    })
}

export function gateByLogsource(parts: RuleParts, fit: EventFit): RuleParts {
  const inside = (event: PreparedEvent) => fit(event).fit !== 'outside'
  const search: CompiledSearch = {
    screen: NOTHING_KNOWN,
    match: inside,
    explain: (event) => ({ type: 'and', range: [0, 0], value: inside(event), children: [] }),
  }
  return andIdentifier(parts, LOGSOURCE_IDENTIFIER, search)
}
