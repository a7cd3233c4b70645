/**
 * What compiling a rule yields for evaluation: closures built once, run per event. Kept apart
 * from compile.ts so the evaluators read the shape without importing the compiler.
 */
import type { PreparedEvent } from './item.ts'
import type { IdentifierInfo, RuleMeta } from './types.ts'
import type { CompiledSearch } from './rule/compile-search.ts'
import type { ResolvedNode } from './condition/resolve.ts'
import type { Predicate } from './condition/compile.ts'
import type { EventFit, LogsourceRoute } from './logsource/gate.ts'

export interface CompiledRule {
  readonly meta: RuleMeta
  readonly identifiers: readonly IdentifierInfo[]
  readonly names: readonly string[]
  readonly searches: readonly CompiledSearch[]
  readonly conditions: readonly ResolvedNode[]
  readonly prepare: (raw: unknown) => PreparedEvent
  /** The event fields a rule field is read from (after the field map and pipelines). */
  readonly eventFieldsOf: (field: string) => readonly string[]
  /** Fast path: calls identifier matchers lazily and short-circuits. */
  readonly matches: Predicate<PreparedEvent>
  /** The verdict from precomputed identifier values (same tree, same dropping). */
  readonly fromValues: Predicate<readonly boolean[]>
  /** Whether an event belongs to the rule's logsource; absent when nothing is known about it. */
  readonly logsourceFit?: EventFit
  /**
   * Under `logsourceOnly`: the route whose judge the rule is gated by, so events it calls
   * `outside` never match, whatever the detection (a rule set skips them unscreened).
   */
  readonly logsourceGate?: LogsourceRoute
}
