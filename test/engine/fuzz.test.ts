/**
 * Issue 14's fuzz test: rules and events written to break the engine (nesting past any stack,
 * alias bombs, megabyte strings). No exception escapes the API, none is swallowed into an
 * answer, and a needle hidden in an event is always found.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileRule, parseEvents, type CompiledRule } from '../../src/engine/index.ts'
import { verdict } from '../helpers/judge.ts'
import { dedent } from '../helpers/dedent.ts'
import { hostileEvent } from './property/event-arbitrary.ts'
import { eventWithNeedle, hostileRuleText } from './property/hostile-arbitrary.ts'
import { exerciseAll } from './property/exercise.ts'

function compiled(text: string): CompiledRule {
  const result = compileRule(text)
  if (!result.rule) throw new Error(JSON.stringify(result.diagnostics))
  return result.rule
}

/** Rules that must fire on any event holding `needle` anywhere, however deep or long. */
const NEEDLE_RULES = [
  dedent`
    detection:
      keywords:
        - needle
      condition: keywords
  `,
  dedent`
    detection:
      keywords:
        - '|re': 'ne+dle'
      condition: keywords
  `,
  dedent`
    detection:
      selection:
        Other: x
      deep:
        - needle
      condition: selection and deep
  `,
].map(compiled)

describe('hostile input', () => {
  test('hostile rules compile to a rule or to diagnostics inside the text, never an exception', () => {
    fc.assert(
      fc.property(hostileRuleText, hostileEvent, (text, event) => {
        const result = compileRule(text)
        for (const d of result.diagnostics) {
          expect(d.range[0]).toBeGreaterThanOrEqual(0)
          expect(d.range[1]).toBeLessThanOrEqual(text.length)
          expect(d.message).not.toMatch(/call stack|Internal error/)
        }
        exerciseAll(result, event)
      }),
      { numRuns: 100 },
    )
  })

  test('a needle under any depth or inside a megabyte string is found by every rule', () => {
    fc.assert(
      fc.property(eventWithNeedle, (text) => {
        const parsed = parseEvents(text)
        expect(parsed.diagnostics).toEqual([])
        expect(parsed.events).toHaveLength(1)
        const event = parsed.events[0]?.value
        // `verdict` here fails the test on an EventFailure: an exception is never "no match".
        for (const rule of NEEDLE_RULES) expect(verdict(rule, event).match).toBe(true)
      }),
      { numRuns: 40 },
    )
  })
})
