/**
 * The explaining evaluator: every identifier with its whole search tree, every condition node
 * with its value. It never short-circuits, and the verdict comes from the same condition
 * closure as `verdict`, so the two cannot disagree.
 */
import type { CompiledRule } from './compiled-rule.ts'
import { traceCondition } from './condition/trace.ts'
import { identifierRecord } from './evaluate.ts'
import type { IdentifierTrace, Trace } from './types.ts'

export function explainRule(rule: CompiledRule, event: unknown): Trace {
  const prepared = rule.prepare(event)
  const bodies = rule.searches.map((s) => s.explain(prepared))
  const values = bodies.map((b) => b.value)
  const searches: IdentifierTrace[] = rule.identifiers.map((info, i) => ({
    type: 'identifier',
    name: info.name,
    kind: info.kind,
    keyRange: info.keyRange,
    range: info.range,
    value: values[i] === true,
    body: bodies[i] ?? { type: 'and', range: info.range, value: false, children: [] },
  }))
  return {
    match: rule.fromValues(values),
    identifiers: identifierRecord(rule.names, values),
    searches,
    conditions: rule.conditions.map((node) => traceCondition(node, rule.names, values)),
  }
}
