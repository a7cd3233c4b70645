/**
 * `verdict` and `explain` for tests that expect the engine to judge the event: an
 * EventFailure (an exception inside the engine) fails the test with the engine's message
 * instead of passing as some value. `compiled` likewise for a rule the test expects to compile.
 */
import {
  compileRule,
  explain as explainOrFailure,
  isEventFailure,
  verdict as verdictOrFailure,
  type CompiledRule,
  type EngineOptions,
  type EventFailure,
  type Trace,
  type Verdict,
} from '../../src/engine/index.ts'

/** The rule `text` compiles to; a rule that does not fails the test with its diagnostics. */
export function compiled(text: string, options: EngineOptions = {}): CompiledRule {
  const result = compileRule(text, options)
  if (!result.rule)
    throw new Error(`the rule did not compile: ${JSON.stringify(result.diagnostics)}`)
  return result.rule
}

export function judged<T>(result: T | EventFailure): T {
  if (isEventFailure(result)) throw new Error(`the engine failed: ${result.message}`)
  return result
}

export function verdict(rule: CompiledRule, event: unknown): Verdict {
  return judged(verdictOrFailure(rule, event))
}

export function explain(rule: CompiledRule, event: unknown): Trace {
  return judged(explainOrFailure(rule, event))
}
