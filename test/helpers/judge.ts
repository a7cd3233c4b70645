/**
 * `verdict` and `explain` for tests that expect the engine to judge the event: an
 * EventFailure (an exception inside the engine) fails the test with the engine's message
 * instead of passing as some value.
 */
import {
  explain as explainOrFailure,
  isEventFailure,
  verdict as verdictOrFailure,
  type CompiledRule,
  type EventFailure,
  type Trace,
  type Verdict,
} from '../../src/engine/index.ts'

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
