/**
 * A rule set skips only rules that cannot match: on generated rules and any events, its hits are
 * those of evaluating each rule alone, with and without logsource routing.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { compileRule, RuleSet } from '../../../src/engine/index.ts'
import { anyEvent } from '../property/event-arbitrary.ts'
import { validRule } from '../property/rule-arbitrary.ts'
import { perRule } from './per-rule.ts'

test('generated rule sets: the screened hits equal each rule alone', () => {
  const seen = { events: 0, hits: 0 }
  fc.assert(
    fc.property(
      fc.array(validRule, { minLength: 1, maxLength: 6 }),
      fc.array(anyEvent, { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (generated, events, logsourceOnly) => {
        const rules = generated.flatMap(({ text, options }) => {
          const { rule } = compileRule(text, { ...options, logsourceOnly })
          return rule ? [rule] : []
        })
        const set = new RuleSet(rules)
        for (const event of events) {
          const alone = perRule(rules, event)
          expect(set.match(event).hits).toEqual(alone)
          seen.events++
          seen.hits += alone.length
        }
      },
    ),
    { numRuns: 300 },
  )
  // Agreement proves little when nothing matches.
  expect(seen.hits).toBeGreaterThan(seen.events / 10)
})
