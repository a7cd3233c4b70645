/**
 * Items whose values are all scalar tests are matched through one gathered matcher
 * (item-compiler/scalar-tests.ts): literals by kind, equal ones in a set past a few, the rest
 * as a list. The explaining path still tests value by value, so the two must agree on any
 * list of values and any event value, on both sides of the set's threshold.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileRule, evaluate } from '../../../src/engine/index.ts'
import { explain } from '../../helpers/judge.ts'

const MODIFIERS = ['', '|contains', '|startswith', '|endswith', '|cased', '|re', '|contains|cased']

function rule(modifier: string, values: readonly string[], negated = false): string {
  const list = values.map((v) => `      - '${v.replaceAll("'", "''")}'`).join('\n')
  return `title: Gathered
logsource:
  product: windows
detection:
  selection:
    Image${modifier}:
${list}
  condition: ${negated ? 'not selection' : 'selection'}
`
}

const compiled = (text: string) => {
  const result = compileRule(text)
  if (!result.rule) throw new Error(JSON.stringify(result.diagnostics))
  return result.rule
}

describe('an item of many values', () => {
  const names = Array.from({ length: 20 }, (_, i) => `Tool${i}.exe`)

  test.each([1, 7, 8, 20])('matches any of %i equal values, ignoring case', (count) => {
    const r = compiled(rule('', names.slice(0, count)))
    expect(evaluate(r, { Image: `TOOL${count - 1}.EXE` })).toBe(true)
    expect(evaluate(r, { Image: `tool${count - 1}.exe ` })).toBe(false)
    expect(evaluate(r, { Image: `Tool${count}.exe` })).toBe(false)
    // Several values in one field: any of them.
    expect(evaluate(r, { Image: ['other.exe', 'tool0.exe'] })).toBe(true)
  })

  test('mixes literals, wildcards, numbers and cased values in one list', () => {
    const values = [...names, '*\\rundll32.exe', 'C:\\Temp\\\\*', '*mimi*', 'a?c', '42']
    const r = compiled(rule('', values))
    expect(evaluate(r, { Image: 'C:\\Windows\\RUNDLL32.EXE' })).toBe(true)
    expect(evaluate(r, { Image: 'c:\\temp\\x.exe' })).toBe(true)
    expect(evaluate(r, { Image: 'xMiMiKatz' })).toBe(true)
    expect(evaluate(r, { Image: 'ABC' })).toBe(true)
    expect(evaluate(r, { Image: 42 })).toBe(true)
    expect(evaluate(r, { Image: 'abbc' })).toBe(false)
    expect(evaluate(r, { Image: 'tool3.ex' })).toBe(false)
    const cased = compiled(rule('|cased', names))
    expect(evaluate(cased, { Image: 'Tool3.exe' })).toBe(true)
    expect(evaluate(cased, { Image: 'tool3.exe' })).toBe(false)
  })

  test('under not, misses only when some value holds', () => {
    const r = compiled(rule('|endswith', names, true))
    expect(evaluate(r, { Image: 'c:\\x\\tool5.exe' })).toBe(false)
    expect(evaluate(r, { Image: 'c:\\x\\other.exe' })).toBe(true)
    expect(evaluate(r, {})).toBe(true)
  })
})

describe('the gathered matcher and the explaining path agree', () => {
  const piece = fc.constantFrom('a', 'B', 'ab', 'Ä', 'ä', 'x.exe', '\\', '*', '?', '-', '1')
  const word = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''))

  test('on random lists and values made of the same pieces', () => {
    let matched = 0
    let runs = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...MODIFIERS),
        fc.array(word, { minLength: 1, maxLength: 24 }),
        fc.array(fc.oneof(word, fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (modifier, values, actual, negated) => {
          // A regex value is read as one: pieces like `*` or `?` alone do not compile.
          const list = modifier === '|re' ? values.map((v) => v.replace(/[*?\\]/g, '.')) : values
          const r = compiled(rule(modifier, list, negated))
          const event = { Image: actual.length === 1 ? actual[0] : actual }
          const fast = evaluate(r, event)
          expect(explain(r, event).match).toBe(fast)
          runs++
          if (fast !== negated) matched++
        },
      ),
      { numRuns: 400 },
    )
    // Agreement only on misses would prove little.
    expect(matched / runs).toBeGreaterThan(0.1)
  })
})
