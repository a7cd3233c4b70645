/** What a rule set must agree with: the indexes of the rules that match `event`, each alone. */
import { evaluate } from '../../../src/engine/index.ts'
import type { CompiledRule } from '../../../src/engine/index.ts'

export function perRule(rules: readonly CompiledRule[], event: unknown): number[] {
  return rules.flatMap((rule, i) => (evaluate(rule, event) ? [i] : []))
}
