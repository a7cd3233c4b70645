/**
 * Many rules over the same events (`sigma-play eval --rules`, the page's "which rules fire").
 * Each rule is screened first: its clauses (needles.ts) go into needle indexes, one per
 * field (field-screen.ts), so one pass over the values of the fields an event has names the
 * few rules whose every clause holds; only those are evaluated, plus the rules with no clause
 * at all. The screen only ever skips rules that cannot match, so the hits are exactly those
 * of evaluating every rule alone.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import type { ResolvedNode } from '../condition/resolve.ts'
import type { PreparedEvent } from '../item.ts'
import { asView } from '../match/prepare-event.ts'
import { FieldScreen } from './field-screen.ts'
import { allOf, anyOf, NOTHING_KNOWN, type Screen } from './needles.ts'

/** The rule's condition(s) over its searches' screens; dropped parts promise nothing. */
function conditionScreen(node: ResolvedNode, rule: CompiledRule): Screen {
  if (node.dropped) return NOTHING_KNOWN
  const search = (i: number) => rule.searches[i]?.screen ?? NOTHING_KNOWN
  switch (node.type) {
    case 'ref':
      return search(node.index)
    case 'not':
      return NOTHING_KNOWN
    case 'and':
      return allOf(node.children.map((child) => conditionScreen(child, rule)))
    case 'or':
      return anyOf(node.children.map((child) => conditionScreen(child, rule)))
    case 'selector': {
      const members = node.members.map(search)
      return node.quantifier === 'all' ? allOf(members) : anyOf(members)
    }
  }
}

export function ruleScreen(rule: CompiledRule): Screen {
  return anyOf(rule.conditions.map((node) => conditionScreen(node, rule)))
}

export interface RuleSetMatch {
  /** Indexes of the rules that match, in rule order. */
  hits: number[]
  /** Rules whose evaluation failed inside the engine: never a verdict either way. */
  errors: { rule: number; message: string }[]
}

export class RuleSet {
  private readonly screen: FieldScreen
  /** Rules with no clause: evaluated on every event. */
  private readonly always: number[] = []
  /** Rule of each clause (the screen's groups). */
  private readonly ruleOfClause: number[] = []
  /** Clauses each rule has. */
  private readonly clauseCount: Int32Array
  private readonly clauseStamp: Int32Array
  private readonly ruleStamp: Int32Array
  private readonly clausesHeld: Int32Array
  private stamp = 0

  /** Every rule must have been compiled with the same options (one prepared event serves all). */
  constructor(readonly rules: readonly CompiledRule[]) {
    const clauses: Screen[number][] = []
    this.clauseCount = new Int32Array(rules.length)
    rules.forEach((rule, i) => {
      const screen = ruleScreen(rule)
      if (screen.length === 0) this.always.push(i)
      for (const clause of screen) {
        clauses.push(clause)
        this.ruleOfClause.push(i)
      }
      this.clauseCount[i] = screen.length
    })
    this.screen = new FieldScreen(clauses)
    this.clauseStamp = new Int32Array(clauses.length)
    this.ruleStamp = new Int32Array(rules.length)
    this.clausesHeld = new Int32Array(rules.length)
  }

  /** How many rules the screen can never skip, and the indexes' size: for benches and tests. */
  get stats(): { rules: number; alwaysEvaluated: number; states: number } {
    const { rules, always, screen } = this
    return { rules: rules.length, alwaysEvaluated: always.length, states: screen.states }
  }

  private prepare(event: unknown): PreparedEvent | undefined {
    return this.rules[0]?.prepare(event)
  }

  /** Rules that may match `event` (always a superset of the matching ones), in rule order. */
  candidates(event: unknown): number[] {
    const prepared = this.prepare(event)
    return prepared ? this.screened(prepared) : []
  }

  private screened(prepared: PreparedEvent): number[] {
    const stamp = ++this.stamp
    const { clauseStamp, ruleStamp, clausesHeld, clauseCount, ruleOfClause } = this
    const found: number[] = [...this.always]
    this.screen.scan(asView(prepared), (clause) => {
      if (clauseStamp[clause] === stamp) return
      clauseStamp[clause] = stamp
      const rule = ruleOfClause[clause] as number
      const held = ruleStamp[rule] === stamp ? (clausesHeld[rule] as number) + 1 : 1
      ruleStamp[rule] = stamp
      clausesHeld[rule] = held
      if (held === clauseCount[rule]) found.push(rule)
    })
    return found.sort((a, b) => a - b)
  }

  /** `beforeRule` is told each rule before it runs (the CLI's watchdog names a slow one). */
  match(event: unknown, beforeRule?: (rule: number) => void): RuleSetMatch {
    const result: RuleSetMatch = { hits: [], errors: [] }
    const prepared = this.prepare(event)
    if (!prepared) return result
    for (const i of this.screened(prepared)) {
      beforeRule?.(i)
      try {
        if ((this.rules[i] as CompiledRule).matches(prepared)) result.hits.push(i)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        result.errors.push({ rule: i, message })
      }
    }
    return result
  }
}
