/**
 * The screen over some of a rule set's rules: their clauses in one FieldScreen, and the rules
 * that have none. Rule numbers are the rule set's.
 */
import { FieldScreen, type ScreenedEvent } from './field-screen.ts'
import type { Screen } from './needles.ts'

/** Per rule of the whole set: how many of its clauses an event holds, stamped per event. */
export class ClauseTally {
  readonly clauseCount: Int32Array
  readonly ruleStamp: Int32Array
  readonly clausesHeld: Int32Array
  stamp = 0

  constructor(screens: readonly Screen[]) {
    this.clauseCount = Int32Array.from(screens, (screen) => screen.length)
    this.ruleStamp = new Int32Array(screens.length)
    this.clausesHeld = new Int32Array(screens.length)
  }
}

export class ScreenGroup {
  private readonly screen: FieldScreen
  /** Rules with no clause: candidates on every event. */
  readonly always: number[] = []
  private readonly ruleOfClause: number[] = []
  private readonly clauseStamp: Int32Array

  constructor(members: readonly number[], screens: readonly Screen[]) {
    const clauses: Screen[number][] = []
    for (const rule of members) {
      const screen = screens[rule] as Screen
      if (screen.length === 0) this.always.push(rule)
      for (const clause of screen) {
        clauses.push(clause)
        this.ruleOfClause.push(rule)
      }
    }
    this.screen = new FieldScreen(clauses)
    this.clauseStamp = new Int32Array(clauses.length)
  }

  get states(): number {
    return this.screen.states
  }

  /**
   * Adds to `found` the members whose every clause the event holds (tally.stamp is its own),
   * but not those `skip` marks (outside their logsource).
   */
  collect(event: ScreenedEvent, tally: ClauseTally, found: number[], skip?: Uint8Array): void {
    for (const rule of this.always) if (skip?.[rule] !== 1) found.push(rule)
    const { stamp, ruleStamp, clausesHeld, clauseCount } = tally
    const { clauseStamp, ruleOfClause } = this
    this.screen.scan(event, (clause) => {
      if (clauseStamp[clause] === stamp) return
      clauseStamp[clause] = stamp
      const rule = ruleOfClause[clause] as number
      const held = ruleStamp[rule] === stamp ? (clausesHeld[rule] as number) + 1 : 1
      ruleStamp[rule] = stamp
      clausesHeld[rule] = held
      if (held === clauseCount[rule] && skip?.[rule] !== 1) found.push(rule)
    })
  }
}
