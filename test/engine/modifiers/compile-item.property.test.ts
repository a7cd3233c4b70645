import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileItem } from '../../../src/engine/item-compiler/compile-item.ts'
import { modifierNames } from '../../../src/engine/modifiers/registry.ts'
import { prepareEvent } from '../../../src/engine/match/prepare-event.ts'
import type { EngineOptions, Scalar } from '../../../src/engine/types.ts'
import { source } from './item-helpers.ts'

const FIELDS = ['A', 'B', 'a.b', '__proto__', 'constructor', 'EventID', 'Image']
const modifier = fc.oneof(fc.constantFrom(...modifierNames()), fc.constantFrom('contain', 'I', ''))
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '*',
    '?',
    '\\',
    '\\*',
    'a*b',
    ' -exec',
    '-nop',
    '10.0.0.0/8',
    '::1',
    '(?i)x',
    '(x',
    '%P%',
    '2025-01-02T03:04:05Z',
  ),
)
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  text,
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
)
const eventValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.constantFrom('10.1.2.3', 'fe80::1', 'cmd /exec', 'C:\\Windows\\cmd.exe', '4688'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS, 'b'), tie('value'), { maxKeys: 3 }),
  ),
})).value
const event = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), eventValue, { maxKeys: 5 }),
  fc.record({
    Event: fc.record({
      System: fc.dictionary(fc.constantFrom('EventID', 'Provider'), eventValue),
      EventData: fc.dictionary(fc.constantFrom(...FIELDS, 'Threat Name'), eventValue),
    }),
  }),
  eventValue,
)
const options: EngineOptions = { placeholders: { P: ['x', 'y*'] }, fieldMap: { B: 'A' } }

describe('compileItem on random items and events', () => {
  test('never throws, and explain always agrees with match', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...FIELDS), { nil: null }),
        fc.array(modifier, { maxLength: 4 }),
        fc.array(scalar, { minLength: 1, maxLength: 3 }),
        fc.array(event, { minLength: 1, maxLength: 4 }),
        (field, mods, values, events) => {
          const key = field === null && mods.length === 0 ? null : [field ?? '', ...mods].join('|')
          const { item } = compileItem(source(key, values), options)
          if (!item) return
          for (const raw of events) {
            const prepared = prepareEvent(raw, options)
            const fast = item.match(prepared)
            const trace = item.explain(prepared)
            expect(trace.value).toBe(fast)
            expect(JSON.parse(JSON.stringify(trace))).toEqual(trace)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})
