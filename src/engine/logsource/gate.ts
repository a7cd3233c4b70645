/**
 * The rule's logsource over prepared events: each event's fit (for marking rows), and, under
 * `logsourceOnly`, a hidden identifier `_logsource` ANDed to the condition so that events
 * outside never match, on the fast path, in verdicts and in traces alike.
 */
import type { PreparedEvent } from '../item.ts'
import { asView, type EventView } from '../match/prepare-event.ts'
import type { RuleParts } from '../meta/apply-filters.ts'
import { andIdentifier } from '../pipeline/add-conditions.ts'
import type { FieldPlan } from '../pipeline/field-plan.ts'
import type { CompiledSearch } from '../rule/compile-search.ts'
import { nothingKnown } from '../ruleset/needles.ts'
import type { RuleMeta } from '../types.ts'
import {
  eventIdOf,
  logsourceJudge,
  type EventIdentity,
  type LogsourceFit,
  type LogsourceJudge,
} from './logsource-fit.ts'

export const LOGSOURCE_IDENTIFIER = '_logsource'

export type EventFit = (event: PreparedEvent) => LogsourceFit

/** The fields an event's identity is read from, as rules name them. */
const IDENTITY_FIELDS = ['EventID', 'Channel', 'Provider_Name'] as const

/**
 * How a rule reads an event's identity (EventID, Channel, Provider_Name) through its field
 * names. Rules with the same `key` read every event alike, so a rule set reads it once.
 */
export interface IdentityReader {
  readonly key: string
  read(event: PreparedEvent): EventIdentity
}

/**
 * What a rule set needs to route events by logsource: the rule's judge is a pure function of
 * the identity its reader reads, and rules with the same `key` are judged alike.
 */
export interface LogsourceRoute {
  readonly key: string
  readonly reader: IdentityReader
  readonly judge: LogsourceJudge
}

function identityReader(plan: FieldPlan | undefined): IdentityReader {
  const names = IDENTITY_FIELDS.map((field) => (plan ? plan.names(field) : [field]))
  const [eventIds, channels, providers] = names as [string[], string[], string[]]
  const first = (view: EventView, fields: readonly string[]) => {
    for (const name of fields) {
      const leaf = view.lookup(name).scalars[0]
      if (leaf) return leaf.subject.raw
    }
    return undefined
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  return {
    key: JSON.stringify(names),
    read: (event) => {
      const view = asView(event)
      return {
        eventId: eventIdOf(first(view, eventIds)),
        channel: text(first(view, channels)),
        provider: text(first(view, providers)),
      }
    },
  }
}

/** The route of a rule's logsource, read through the same field names (pipelines, field map). */
export function logsourceRouteFor(
  meta: RuleMeta,
  plan: FieldPlan | undefined,
): LogsourceRoute | undefined {
  const judged = logsourceJudge(meta.logsource)
  if (!judged) return undefined
  const reader = identityReader(plan)
  return { key: JSON.stringify([reader.key, judged.key]), reader, judge: judged.judge }
}

/** The fit of an event under a route. */
export function eventFitFor(route: LogsourceRoute): EventFit {
  // Judges and readers are pure: the same key reads and judges every event alike.
  const fact = `logsource fit ${route.key}`
  return (event) => asView(event).fact(fact, () => route.judge(route.reader.read(event)))
}

export function gateByLogsource(parts: RuleParts, fit: EventFit): RuleParts {
  const inside = (event: PreparedEvent) => fit(event).fit !== 'outside'
  const search: CompiledSearch = {
    screens: nothingKnown,
    match: inside,
    explain: (event) => ({ type: 'and', range: [0, 0], value: inside(event), children: [] }),
  }
  return andIdentifier(parts, LOGSOURCE_IDENTIFIER, search)
}
