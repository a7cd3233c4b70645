import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import {
  compileRule,
  evaluate,
  eventFailureDiagnostic,
  explain,
  verdict,
} from '../../src/engine/index.ts'
import { judged } from '../helpers/judge.ts'
import { compileRuleSafely } from '../../src/engine/compile.ts'
import { prepareEvent } from '../../src/engine/match/prepare-event.ts'
import { dedent } from '../helpers/dedent.ts'
import { RUNDLL32_RULE } from './fixtures.ts'

const diags = (text: string) =>
  compileRule(text).diagnostics.map((d) => [d.code, d.severity, text.slice(d.range[0], d.range[1])])

describe('compileRule', () => {
  test('the default rule compiles clean, with its metadata and identifiers', () => {
    const text = RUNDLL32_RULE
    const result = compileRule(text)
    expect(result.diagnostics).toEqual([])
    expect(result.rule).toBeDefined()
    expect(result.kind).toBe('detection')
    expect(result.meta).toMatchObject({
      title: 'Rundll32 Internet Connection',
      level: 'medium',
      status: 'test',
    })
    expect(result.identifiers.map((i) => [i.name, i.kind])).toEqual([
      ['selection', 'selection'],
      ['filter_main_local_ranges', 'filter'],
      ['filter_main_ms_ranges', 'filter'],
      ['filter_main_app_sdb', 'filter'],
      ['filter_main_azure_managed', 'filter'],
      ['filter_main_svchost_update_processes', 'filter'],
    ])
    const sel = result.identifiers[0]!
    expect(text.slice(...sel.keyRange)).toBe('selection')
    expect(text.slice(...sel.range)).toBe(
      "selection:\n        Image|endswith: '\\rundll32.exe'\n        Initiated: 'true'",
    )
  })

  const header = dedent`
    title: Test rule
    id: 0e0b7a3a-64e3-4b5c-9d8e-5b0f6a8f0f11
    status: test
    description: test
    level: low
    logsource: {product: windows, category: process_creation}
    detection:
  `
  const base = (detection: string) => header + '    ' + detection.replace(/\n/g, '\n    ') + '\n'

  test('any error means no compiled rule, and each error has its range', () => {
    const text = base('sel: {Image|endswith: x}\ncondition: sel and missing')
    const r = compileRule(text)
    expect(r.rule).toBeUndefined()
    expect(r.identifiers.map((i) => i.name)).toEqual(['sel'])
    expect(diags(text)).toEqual([['UNDEFINED_IDENTIFIER', 'error', 'missing']])
  })
  test('item-level errors come through with the modifier range', () => {
    const text = base('sel: {Image|endswith|contain: x}\ncondition: sel')
    expect(compileRule(text).rule).toBeUndefined()
    expect(diags(text)).toContainEqual(['UNKNOWN_MODIFIER', 'error', 'contain'])
  })
  test('errors from several places are all reported, in text order', () => {
    const text = base("sel: {Image|re: '(x'}\nsel2: {}\ncondition: sel AND sel2")
    expect(diags(text).map((d) => d[0])).toEqual(['BAD_REGEX', 'EMPTY_SEARCH', 'CONDITION_SYNTAX'])
  })
  test('YAML errors stop compilation; duplicate keys are errors at the second key', () => {
    expect(compileRule('title: [x\n').diagnostics.map((d) => d.code)).toEqual(['YAML_SYNTAX'])
    const dup = base('sel:\n    Image: a\n    Image: b\ncondition: sel')
    const r = compileRule(dup)
    expect(r.rule).toBeUndefined()
    expect(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.range[0]]),
    ).toEqual([['DUPLICATE_KEY', dup.lastIndexOf('Image')]])
  })
  test('correlation and filter documents are reported, not evaluated', () => {
    const r = compileRule(
      'title: c\ncorrelation:\n    type: temporal\n    rules: [a, b]\n    timespan: 1m\n',
    )
    expect(r).toMatchObject({ kind: 'correlation', meta: { title: 'c' } })
    expect(r.rule).toBeUndefined()
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CORRELATION_RULE'])
    expect(
      compileRule('title: f\nlogsource: {product: windows}\nfilter: {rules: any}\n').kind,
    ).toBe('filter')
  })
  test('v1 collections are refused', () => {
    expect(
      compileRule('action: global\ntitle: x\n---\ndetection: {}\n').diagnostics.map((d) => d.code),
    ).toEqual(['V1_COLLECTION'])
  })
  test('metadata errors are reported as pySigma reports them, but never stop evaluation', () => {
    const text = base('sel: {a: 1}\ncondition: sel').replace('level: low', 'level: urgent')
    expect(evaluate(compileRule(text).rule!, { a: 1 })).toBe(true)
    expect(diags(text)).toEqual([['BAD_METADATA', 'error', 'urgent']])
  })
  test('options reach the item level (placeholders)', () => {
    const text = base("sel: {User|expand: '%Admins%'}\ncondition: sel")
    expect(compileRule(text).diagnostics.map((d) => d.code)).toContain('UNRESOLVED_PLACEHOLDER')
    const r = compileRule(text, { placeholders: { Admins: ['alice', 'bob'] } })
    expect(r.diagnostics).toEqual([])
    expect(evaluate(r.rule!, { User: 'Bob' })).toBe(true)
    expect(evaluate(r.rule!, { User: 'carol' })).toBe(false)
  })
})

describe('never throws', () => {
  const fragments = [
    'title: x\n',
    'detection:\n',
    '    sel:\n',
    '        a: 1\n',
    '        b|contains: [x, y]\n',
    '    condition: ',
    'sel',
    ' and ',
    ' or ',
    'not ',
    '1 of ',
    'them',
    '(',
    ')',
    '\n',
    '- ',
    '|',
    '*',
    '---\n',
    'action: global\n',
    '&a ',
    '*a',
    '{',
    '}',
    '[',
    ']',
    ': ',
    "'",
    '"',
    '\\',
    '\t',
    '%x%',
    'correlation: {}\n',
    '    keywords: [a, 1, true, null]\n',
    '        c|re: "(?i)x["\n',
    '~',
  ]
  const ruleText = fc
    .array(fc.constantFrom(...fragments), { maxLength: 40 })
    .map((parts) => parts.join(''))
  const event = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'Event'), fc.jsonValue()),
  )

  test('compileRule, evaluate, verdict and explain accept anything', () => {
    fc.assert(
      fc.property(fc.oneof(ruleText, fc.string()), event, (text, ev) => {
        const r = compileRule(text)
        expect(Array.isArray(r.diagnostics)).toBe(true)
        for (const d of r.diagnostics) {
          expect(d.range[0]).toBeGreaterThanOrEqual(0)
          expect(d.range[1]).toBeGreaterThanOrEqual(d.range[0])
          expect(d.range[1]).toBeLessThanOrEqual(text.length)
        }
        if (r.rule) {
          const fast = evaluate(r.rule, ev)
          expect(judged(verdict(r.rule, ev)).match).toBe(fast)
          expect(judged(explain(r.rule, ev)).match).toBe(fast)
        }
      }),
      { numRuns: 400 },
    )
  })
  test('an unexpected exception inside the engine becomes an INTERNAL diagnostic', () => {
    const exploding = {
      compileItem: () => {
        throw new Error('boom')
      },
      warnings: true,
      prepareEvent,
    }
    const r = compileRuleSafely(
      'title: t\ndetection:\n    sel: {a: 1}\n    condition: sel\n',
      {},
      exploding,
    )
    expect(r.rule).toBeUndefined()
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['INTERNAL', 'error']])
  })
  test('a per-event failure is reported as a failure by every entry point, never a verdict', () => {
    const { rule } = compileRule('title: t\ndetection:\n    sel: {a: 1}\n    condition: sel\n')
    const broken = {
      ...rule!,
      prepare: () => {
        throw new Error('boom')
      },
    }
    const failed = { failed: true, message: 'Error: boom' }
    expect(evaluate(broken, { a: 1 })).toEqual(failed)
    expect(verdict(broken, { a: 1 })).toEqual(failed)
    expect(explain(broken, { a: 1 })).toEqual(failed)
  })
  test('an event whose reading throws (a hostile getter) is a failure, not a non-match', () => {
    const { rule } = compileRule('title: t\ndetection:\n    sel: {a: 1}\n    condition: sel\n')
    const hostile = {
      get a(): never {
        throw new RangeError('Maximum call stack size exceeded')
      },
    }
    for (const result of [
      evaluate(rule!, hostile),
      verdict(rule!, hostile),
      explain(rule!, hostile),
    ])
      expect(result).toEqual({
        failed: true,
        message: 'RangeError: Maximum call stack size exceeded',
      })
    expect(eventFailureDiagnostic(4, [10, 20], { failed: true, message: 'RangeError: x' })).toEqual(
      {
        code: 'INTERNAL',
        severity: 'error',
        message: 'The engine failed on event #4, so it has no verdict (RangeError: x)',
        range: [10, 20],
        event: 4,
      },
    )
  })
  test('non-string input does not throw either', () => {
    expect(compileRule(undefined as unknown as string).diagnostics.length).toBeGreaterThan(0)
    expect(compileRule(42 as unknown as string).diagnostics.length).toBeGreaterThan(0)
  })
})
