/**
 * Logsource routing for a rule set. Rules gated by their logsource (compiled with
 * `logsourceOnly`) never match an event their judge calls outside, so they are grouped by
 * route (one judge, one reading of the event's identity), each group screened by an index of
 * its own (built up front: together they hold each rule once, as one index would). An event's identity (EventID, Channel,
 * Provider_Name) is read once per distinct reading, and the groups it is routed to are
 * remembered per identity, so routing costs a few field lookups per event. Rules without a
 * gate (other products, logsources nothing is known about) are screened for every event.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import type { EventView } from '../match/prepare-event.ts'
import type { Screen } from './needles.ts'
import { ScreenGroup } from './screen-group.ts'

// The route's types, through the compiled rule: logsource/ builds on ruleset/, not the reverse.
type LogsourceRoute = NonNullable<CompiledRule['logsourceGate']>
type IdentityReader = LogsourceRoute['reader']
type EventIdentity = ReturnType<IdentityReader['read']>

/** Distinct identities remembered; an input with more (made-up channels) starts afresh. */
const MAX_IDENTITIES = 4096

interface Route {
  route: LogsourceRoute
  /** Which of the readers reads the identity this route's judge is given. */
  reader: number
  members: number[]
  group?: ScreenGroup
}

const identityKey = (identity: EventIdentity) =>
  JSON.stringify([identity.eventId, identity.channel, identity.provider])

export class LogsourceRoutes {
  /** Rules without a gate, screened for every event; undefined when there are none. */
  private readonly ungated: ScreenGroup | undefined
  private readonly routes = new Map<string, Route>()
  private readonly readers: IdentityReader[] = []
  private readonly byIdentity = new Map<string, ScreenGroup[]>()

  constructor(rules: readonly CompiledRule[], screens: readonly Screen[]) {
    const ungated: number[] = []
    const readerIndex = new Map<string, number>()
    rules.forEach((rule, i) => {
      const gate = rule.logsourceGate
      if (!gate) {
        ungated.push(i)
        return
      }
      let route = this.routes.get(gate.key)
      if (!route) {
        let reader = readerIndex.get(gate.reader.key)
        if (reader === undefined) {
          reader = this.readers.push(gate.reader) - 1
          readerIndex.set(gate.reader.key, reader)
        }
        route = { route: gate, reader, members: [] }
        this.routes.set(gate.key, route)
      }
      route.members.push(i)
    })
    this.ungated = ungated.length > 0 ? new ScreenGroup(ungated, screens) : undefined
    for (const route of this.routes.values()) route.group = new ScreenGroup(route.members, screens)
  }

  /** The groups whose rules may match the event: every group its identity is not outside of. */
  groupsOf(view: EventView): readonly ScreenGroup[] {
    const identities = this.readers.map((reader) => reader.read(view))
    const key = identities.map(identityKey).join('\n')
    let groups = this.byIdentity.get(key)
    if (groups === undefined) {
      if (this.byIdentity.size >= MAX_IDENTITIES) this.byIdentity.clear()
      groups = this.ungated ? [this.ungated] : []
      for (const { route, reader, group } of this.routes.values())
        if (group && route.judge(identities[reader] as EventIdentity).fit !== 'outside')
          groups.push(group)
      this.byIdentity.set(key, groups)
    }
    return groups
  }

  /** States of every group's index: for benches and tests. */
  get states(): number {
    let states = this.ungated?.states ?? 0
    for (const { group } of this.routes.values()) states += group?.states ?? 0
    return states
  }
}
