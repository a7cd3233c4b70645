/**
 * The screen over a rule set's rules: their clauses in one FieldScreen, the rules that have
 * none, and per rule how many of its clauses the event in hand holds (stamped per event, so
 * nothing is cleared between events).
 */
import { FieldScreen, type ScreenedEvent } from './field-screen.ts'
import type { Screen } from './needles.ts'

export class RuleScreen {
  private readonly screen: FieldScreen
  /** Rules with no clause: candidates on every event. */
  readonly always: number[] = []
  private readonly ruleOfClause: number[] = []
  private readonly clauseStamp: Int32Array
  private readonly clauseCount: Int32Array
  private readonly ruleStamp: Int32Array
  private readonly clausesHeld: Int32Array
  private stamp = 0

  /** `screens[r]`: rule r's clauses. */
  constructor(screens: readonly Screen[]) {
    const clauses: Screen[number][] = []
    screens.forEach((screen, rule) => {
      if (screen.length === 0) this.always.push(rule)
      for (const clause of screen) {
        clauses.push(clause)
        this.ruleOfClause.push(rule)
      }
    })
    this.screen = new FieldScreen(clauses)
    this.clauseStamp = new Int32Array(clauses.length)
    this.clauseCount = Int32Array.from(screens, (screen) => screen.length)
    this.ruleStamp = new Int32Array(screens.length)
    this.clausesHeld = new Int32Array(screens.length)
  }

  get states(): number {
    return this.screen.states
  }

  /**
   * Adds to `found` the rules whose every clause the event holds, but not those `skip` marks
   * (outside their logsource).
   */
  collect(event: ScreenedEvent, found: number[], skip?: Uint8Array): void {
    for (const rule of this.always) if (skip?.[rule] !== 1) found.push(rule)
    const stamp = ++this.stamp
    const { clauseStamp, ruleOfClause, ruleStamp, clausesHeld, clauseCount } = this
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
