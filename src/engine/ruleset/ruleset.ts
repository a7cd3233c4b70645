/**
 * Many rules over the same events (`sigma-play eval --rules`, the page's "which rules fire").
 * Each rule is screened first: its clauses (needles.ts) go into needle indexes, one per
 * field (field-screen.ts), so one pass over the values of the fields an event has names the
 * few rules whose every clause holds; only those are evaluated, plus the rules with no clause
 * at all. Rules gated by their logsource (`logsourceOnly`) are skipped for the events their
 * logsource cannot hold (logsource-routes.ts). Only rules that cannot match are ever skipped,
 * so the hits are exactly those of evaluating every rule alone.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import type { ResolvedNode } from '../condition/resolve.ts'
import type { PreparedEvent } from '../item.ts'
import { asView } from '../match/prepare-event.ts'
import { ScreenedEvent } from './field-screen.ts'
import { LogsourceRoutes } from './logsource-routes.ts'
import { anyOf, joined, NOTHING_KNOWN, type Screen } from './needles.ts'
import { RuleScreen } from './rule-screen.ts'

/**
 * What every event the condition part matches must hold, from its searches' screens; or, when
 * `missed`, what every event it does not match must hold (under a `not`). Dropped parts promise
 * nothing.
 */
function conditionScreen(node: ResolvedNode, rule: CompiledRule, missed: boolean): Screen {
  if (node.dropped) return NOTHING_KNOWN
  const search = (i: number) => {
    const screens = rule.searches[i]?.screens()
    return (missed ? screens?.negatedScreen : screens?.screen) ?? NOTHING_KNOWN
  }
  switch (node.type) {
    case 'ref':
      return search(node.index)
    case 'not':
      return conditionScreen(node.child, rule, !missed)
    case 'and':
    case 'or':
      return joined(
        node.type,
        node.children.map((child) => conditionScreen(child, rule, missed)),
        missed,
      )
    case 'selector':
      return joined(node.quantifier === 'all' ? 'and' : 'or', node.members.map(search), missed)
  }
}

export function ruleScreen(rule: CompiledRule): Screen {
  return anyOf(rule.conditions.map((node) => conditionScreen(node, rule, false)))
}

export interface RuleSetMatch {
  /** Indexes of the rules that match, in rule order. */
  hits: number[]
  /** Rules whose evaluation failed inside the engine: never a verdict either way. */
  errors: { rule: number; message: string }[]
}

export class RuleSet {
  private readonly screens: readonly Screen[]
  private readonly routes: LogsourceRoutes
  private readonly screen: RuleScreen
  /** Every field a clause reads, and their beginnings up to a dot: what events are searched for. */
  private readonly fields = new Set<string>()
  private readonly prefixes = new Set<string>()

  /** Every rule must have been compiled with the same options (one prepared event serves all). */
  constructor(readonly rules: readonly CompiledRule[]) {
    this.screens = rules.map(ruleScreen)
    for (const screen of this.screens)
      for (const clause of screen)
        for (const { field } of clause) {
          if (field === null || this.fields.has(field)) continue
          this.fields.add(field)
          for (let dot = field.indexOf('.'); dot > 0; dot = field.indexOf('.', dot + 1))
            this.prefixes.add(field.slice(0, dot))
        }
    this.routes = new LogsourceRoutes(rules)
    this.screen = new RuleScreen(this.screens)
  }

  /** How many rules the screen can never skip, and the indexes' size: for benches and tests. */
  get stats(): { rules: number; alwaysEvaluated: number; states: number } {
    const { rules, screen } = this
    return { rules: rules.length, alwaysEvaluated: screen.always.length, states: screen.states }
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
    const view = asView(prepared)
    const outside = this.routes.outside(view)
    const found: number[] = []
    const event = new ScreenedEvent(view, this.fields, this.prefixes)
    this.screen.collect(event, found, outside)
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
