/**
 * The checks every property test makes of a compiled rule and an event: nothing was an
 * exception swallowed by the API's safety net, and the three ways to judge an event agree.
 */
import { expect } from 'vitest'
import type { compileRule } from '../../../src/engine/index.ts'
import { evaluate } from '../../../src/engine/index.ts'
import { explain, verdict } from '../../helpers/judge.ts'

type Compiled = ReturnType<typeof compileRule>

/**
 * The public API catches everything and degrades (an INTERNAL diagnostic, a non-match with
 * no identifiers), so "did not throw" alone would always hold. These checks see through the
 * safety net: a degraded answer is an exception that was swallowed.
 */
export function expectNoInternalFailure(compiled: Compiled): void {
  const internal = compiled.diagnostics.filter((d) => d.code === 'INTERNAL')
  expect(internal.map((d) => d.message)).toEqual([])
}

/** Every entry point on one rule and event. */
export function exerciseAll(compiled: Compiled, event: unknown): void {
  expectNoInternalFailure(compiled)
  if (compiled.rule === undefined) return
  const names = compiled.identifiers.map((info) => info.name)
  const fast = evaluate(compiled.rule, event)
  const quick = verdict(compiled.rule, event)
  const trace = explain(compiled.rule, event)
  expect(Object.keys(quick.identifiers)).toEqual(names)
  expect(trace.searches.map((search) => search.name)).toEqual(names)
  expect(trace.conditions.length).toBeGreaterThan(0)
  expect(quick.match).toBe(fast)
  expect(trace.match).toBe(fast)
  expect(() => JSON.stringify(trace)).not.toThrow()
}
