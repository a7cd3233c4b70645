/**
 * Property tests over the engine's public API (issue 2, "Tests"): nothing it is given makes
 * it throw, and the explaining path always agrees with the fast path.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileRule, evaluate, parseEvents } from '../../src/engine/index.ts'
import { explain, verdict } from '../helpers/judge.ts'
import { anyEvent, hostileEvent, ruleShapedEvent } from './property/event-arbitrary.ts'
import { anyText, mangledRule, validRule } from './property/rule-arbitrary.ts'
import { eventTexts } from './property/events-text-arbitrary.ts'
import { expectSoundEvents } from './property/sound-events.ts'
import { PLACEHOLDERS } from './property/pools.ts'
import { exerciseAll, expectNoInternalFailure } from './property/exercise.ts'

const RUNS = 300

describe('the API never throws', () => {
  test('compileRule on random text, mangled rules and generated rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          mangledRule,
          validRule.map((r) => r.text),
        ),
        (text) => {
          expectNoInternalFailure(compileRule(text, {}))
        },
      ),
      { numRuns: RUNS * 3 },
    )
  })

  test('compileRule with odd options', () => {
    const options = fc.record(
      {
        placeholders: fc.dictionary(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
        fieldMap: fc.dictionary(fc.string(), fc.string()),
        flattenEvtx: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(validRule, options, hostileEvent, ({ text }, opts, event) => {
        exerciseAll(compileRule(text, opts), event)
      }),
      { numRuns: RUNS },
    )
  })

  test('evaluate, verdict and explain on any event, for mangled and valid rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mangledRule,
          validRule.map((r) => r.text),
        ),
        anyEvent,
        (text, event) => {
          exerciseAll(compileRule(text, { placeholders: PLACEHOLDERS }), event)
        },
      ),
      { numRuns: RUNS * 2 },
    )
  })

  test('parseEvents on random text and on near-valid event files', () => {
    const seen = { events: 0, diagnostics: 0 }
    const check = (text: string) => {
      const found = expectSoundEvents(text)
      seen.events += found.events
      seen.diagnostics += found.diagnostics
    }
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          eventTexts.map((t) => t.text),
        ),
        fc.nat(),
        (text, cut) => {
          check(text)
          check(text.slice(0, cut % (text.length + 1)))
        },
      ),
      { numRuns: RUNS * 2 },
    )
    // Both halves of the promise were put to the test: records read, and errors reported.
    expect(seen.events).toBeGreaterThan(RUNS)
    expect(seen.diagnostics).toBeGreaterThan(RUNS / 10)
  })
})

describe('explain agrees with evaluate and verdict', () => {
  test('on generated valid rules and rule-shaped events', () => {
    const outcomes = { rules: 0, compiled: 0, matched: 0, missed: 0 }
    fc.assert(
      fc.property(
        validRule,
        fc.array(ruleShapedEvent, { minLength: 1, maxLength: 5 }),
        (rule, events) => {
          outcomes.rules++
          const compiled = compileRule(rule.text, rule.options)
          if (compiled.rule === undefined) return
          outcomes.compiled++
          for (const event of events) {
            const fast = evaluate(compiled.rule, event)
            const quick = verdict(compiled.rule, event)
            const trace = explain(compiled.rule, event)
            expect(trace.match).toBe(fast)
            expect(quick.match).toBe(fast)
            expect(trace.identifiers).toEqual(quick.identifiers)
            expect(Object.keys(quick.identifiers).sort()).toEqual([...rule.identifiers].sort())
            if (fast) outcomes.matched++
            else outcomes.missed++
          }
        },
      ),
      { numRuns: RUNS * 2 },
    )
    // Agreement on rules that do not compile, or on events that never match, proves little.
    expect(outcomes.compiled / outcomes.rules).toBeGreaterThan(0.9)
    expect(outcomes.matched).toBeGreaterThan(outcomes.rules / 20)
    expect(outcomes.missed).toBeGreaterThan(outcomes.rules / 20)
  })

  test('generated valid rules compile without errors', () => {
    // Shown separately so that a grammar/engine disagreement names the offending rule.
    fc.assert(
      fc.property(validRule, (rule) => {
        const errors = compileRule(rule.text, rule.options).diagnostics.filter(
          (d) => d.severity === 'error',
        )
        expect(
          errors.map((d) => `${d.code}: ${d.message}`),
          rule.text,
        ).toEqual([])
      }),
      { numRuns: RUNS },
    )
  })
})

describe('parseEvents reads back what was written', () => {
  test('arrays, single objects, NDJSON, evtx_dump concatenation and Windows event XML', () => {
    fc.assert(
      fc.property(eventTexts, ({ text, events, format }) => {
        const parsed = parseEvents(text)
        expect(parsed.diagnostics).toEqual([])
        expect(parsed.format).toBe(format)
        expect(parsed.events.map((record) => record.value)).toEqual(events)
        expectSoundEvents(text)
      }),
      { numRuns: RUNS },
    )
  })
})
