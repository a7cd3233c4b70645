/**
 * Logsource routing for a rule set. Rules gated by their logsource (compiled with
 * `logsourceOnly`) never match an event their judge calls outside, so such rules are skipped
 * for it, found or not by the screen. Rules are grouped by route (one judge, one reading of
 * the event's identity); an event's identity (EventID, Channel, Provider_Name) is read once
 * per distinct reading, and the rules it is outside of are remembered per identity, so
 * routing costs a few field lookups per event. Rules without a gate (other products,
 * logsources nothing is known about) are never skipped.
 *
 * One screen serves every route: per-route indexes would scan the fields that several
 * logsources read (CommandLine, Image…) once per route, which on SigmaHQ costs more than the
 * rules they leave out.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import type { EventView } from '../match/prepare-event.ts'

// The route's types, through the compiled rule: logsource/ builds on ruleset/, not the reverse.
type LogsourceRoute = NonNullable<CompiledRule['logsourceGate']>
type IdentityReader = LogsourceRoute['reader']
type EventIdentity = ReturnType<IdentityReader['read']>

/** Distinct identities remembered; an input with more (made-up channels) starts afresh. */
const MAX_IDENTITIES = 1024

interface Route {
  route: LogsourceRoute
  /** Which of the readers reads the identity this route's judge is given. */
  reader: number
  members: number[]
}

/**
 * Judges compare channels and providers ignoring case (logsource-fit.ts), so identities that
 * differ only in case share a key: an export that spells `Security` two ways is judged once.
 */
const identityKey = (identity: EventIdentity) =>
  JSON.stringify([
    identity.eventId,
    identity.channel?.toLowerCase(),
    identity.provider?.toLowerCase(),
  ])

export class LogsourceRoutes {
  private readonly routes = new Map<string, Route>()
  private readonly readers: IdentityReader[] = []
  private readonly byIdentity = new Map<string, Uint8Array>()

  constructor(private readonly rules: readonly CompiledRule[]) {
    const readerIndex = new Map<string, number>()
    rules.forEach((rule, i) => {
      const gate = rule.logsourceGate
      if (!gate) return
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
  }

  /** Per rule, 1 when the event is outside the rule's gate; undefined when no rule is gated. */
  outside(view: EventView): Uint8Array | undefined {
    if (this.routes.size === 0) return undefined
    const identities = this.readers.map((reader) => reader.read(view))
    const key = identities.map(identityKey).join('\n')
    let outside = this.byIdentity.get(key)
    if (outside === undefined) {
      if (this.byIdentity.size >= MAX_IDENTITIES) this.byIdentity.clear()
      outside = new Uint8Array(this.rules.length)
      for (const { route, reader, members } of this.routes.values())
        if (route.judge(identities[reader] as EventIdentity).fit === 'outside')
          for (const rule of members) outside[rule] = 1
      this.byIdentity.set(key, outside)
    }
    return outside
  }
}
