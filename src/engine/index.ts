/**
 * The engine's one public door. Nothing here throws on any input: an unexpected failure
 * becomes an INTERNAL diagnostic (compile) or a non-matching verdict (per event).
 */
import { compileRuleWith, type CompileResult, type CompiledRule } from './compile.ts'
import { error } from './diagnostics.ts'
import { evaluateRule, verdictOf } from './evaluate.ts'
import { explainRule } from './explain.ts'
import { compileItem } from './modifiers/compile-item.ts'
import { prepareEvent } from './match/prepare-event.ts'
import type { EngineOptions, Trace, Verdict } from './types.ts'

export type * from './types.ts'
export type { CompiledRule, CompileResult } from './compile.ts'
export { lineCol } from './diagnostics.ts'
export { parseEvents } from './events/parse-events.ts'
export { expandValue } from './modifiers/expand-value.ts'

export function compileRule(text: string, options: EngineOptions = {}): CompileResult {
  try {
    return compileRuleWith(typeof text === 'string' ? text : String(text), options ?? {}, {
      compileItem,
      prepareEvent,
    })
  } catch (e) {
    return {
      meta: {},
      identifiers: [],
      diagnostics: [
        error('INTERNAL', `Internal error while compiling the rule: ${describe(e)}`, [0, 0]),
      ],
    }
  }
}

export function evaluate(rule: CompiledRule, event: unknown): boolean {
  try {
    return evaluateRule(rule, event)
  } catch {
    return false
  }
}

export function verdict(rule: CompiledRule, event: unknown): Verdict {
  try {
    return verdictOf(rule, event)
  } catch {
    return { match: false, identifiers: {} }
  }
}

export function explain(rule: CompiledRule, event: unknown): Trace {
  try {
    return explainRule(rule, event)
  } catch {
    return { match: false, identifiers: {}, searches: [], conditions: [] }
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
