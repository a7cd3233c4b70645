/**
 * Issue 14: whoever writes part of a log line must not hide the event from a rule by nesting
 * it deeply. Every walk over event values works without recursion, at any depth.
 */
import { describe, expect, test } from 'vitest'
import {
  compileRule,
  evaluate,
  explain,
  locateFields,
  parseEvents,
  verdict,
  type CompiledRule,
} from '../../src/engine/index.ts'
import { dedent } from '../helpers/dedent.ts'

const DEPTH = 100_000

function compiled(text: string): CompiledRule {
  const result = compileRule(text)
  if (!result.rule) throw new Error(JSON.stringify(result.diagnostics))
  return result.rule
}

/** `{"d":{"a":{"a":…{"a":leaf}…}}}` as text, built without recursion. */
function deepText(depth: number, leaf: string, key = 'a'): string {
  return `{"${key}":`.repeat(depth) + leaf + '}'.repeat(depth)
}

const keywordRule = compiled(dedent`
  detection:
    keywords:
      - needle
    condition: keywords
`)

describe('an event nested 100,000 deep', () => {
  const text = `{"x":"needle","d":${deepText(DEPTH, '"deep end"')}}`
  const event: unknown = JSON.parse(text)

  test('a keyword at the top still matches, by every entry point', () => {
    expect(evaluate(keywordRule, event)).toBe(true)
    expect(verdict(keywordRule, event)).toMatchObject({ match: true })
    expect(explain(keywordRule, event)).toMatchObject({ match: true })
  })

  test('a keyword at the bottom is found too', () => {
    const bottom = JSON.parse(`{"x":"hay","d":${deepText(DEPTH, '"the needle"')}}`) as unknown
    expect(evaluate(keywordRule, bottom)).toBe(true)
    const trace = explain(keywordRule, bottom)
    expect(trace).toMatchObject({ match: true })
  })

  test('nested arrays as deep', () => {
    const arrays = JSON.parse(`{"x":${'['.repeat(DEPTH)}"needle"${']'.repeat(DEPTH)}}`) as unknown
    expect(evaluate(keywordRule, arrays)).toBe(true)
    const field = compiled(dedent`
      detection:
        sel:
          x: needle
        condition: sel
    `)
    expect(evaluate(field, arrays)).toBe(true)
  })

  test('a dotted field lookup and the event-log flattening', () => {
    const rule = compiled(dedent`
      detection:
        sel:
          x: needle
          Target: deep end
        condition: sel
    `)
    const evtx = JSON.parse(
      `{"x":"needle","Event":{"System":{"EventID":1},"UserData":${deepText(DEPTH, '"deep end"', 'Target')}}}`,
    ) as unknown
    expect(evaluate(rule, evtx)).toBe(true)
    const dotted = compiled(dedent`
      detection:
        sel:
          d.a.a: needle
        condition: sel
    `)
    expect(evaluate(dotted, JSON.parse(`{"d":{"a":${deepText(DEPTH, '"needle"')}}}`))).toBe(false)
    expect(evaluate(dotted, { d: { a: { a: 'needle' } } })).toBe(true)
  })

  test('a field holding the deep object: its trace can still be serialised', () => {
    const rule = compiled(dedent`
      detection:
        sel:
          d: needle
        condition: sel
    `)
    const trace = explain(rule, event)
    expect(trace).toMatchObject({ match: false })
    expect(() => JSON.stringify(trace)).not.toThrow()
    expect(() => structuredClone(trace)).not.toThrow()
  })

  test('the events text is read, and its fields located', () => {
    const parsed = parseEvents(text)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.events).toHaveLength(1)
    const fifty = 'd' + '.a'.repeat(50)
    const found = locateFields(text, [0, text.length], ['x', fifty])
    expect(found['x']?.valueRange).toEqual([5, 13])
    expect(text.slice(...(found[fifty]?.keyRange ?? [0, 0]))).toBe('"a"')
  })

  test('a broken deep event is reported at its offset, not as "nested too deeply"', () => {
    const broken = `{"x":"needle","d":${deepText(DEPTH, '"deep end"').slice(0, -1)}`
    const parsed = parseEvents(broken)
    expect(parsed.events).toEqual([])
    expect(parsed.diagnostics[0]?.message).toMatch(/Expected/)
    expect(parsed.diagnostics[0]?.range[0]).toBe(broken.length)
  })
})
