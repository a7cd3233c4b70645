/**
 * Per-event entry points that need no trace: the fast path and the verdict with every
 * identifier's value. Each prepares the raw event once.
 */
import type { CompiledRule } from './compiled-rule.ts'
import type { Verdict } from './types.ts'

/** Fast path: the condition calls identifier matchers lazily and short-circuits. */
export function evaluateRule(rule: CompiledRule, event: unknown): boolean {
  return rule.matches(rule.prepare(event))
}

/** Every identifier evaluated (no short-circuit between identifiers), then the condition. */
export function verdictOf(rule: CompiledRule, event: unknown): Verdict {
  const prepared = rule.prepare(event)
  const values = rule.searches.map((s) => s.match(prepared))
  return { match: rule.fromValues(values), identifiers: identifierRecord(rule.names, values) }
}

/**
 * Identifier names come from the rule text, so `__proto__` or `constructor` are possible:
 * a prototype-less record keeps them ordinary keys.
 */
export function identifierRecord(
  names: readonly string[],
  values: readonly boolean[],
): Record<string, boolean> {
  const record = Object.create(null) as Record<string, boolean>
  names.forEach((name, i) => {
    record[name] = values[i] === true
  })
  return record
}
