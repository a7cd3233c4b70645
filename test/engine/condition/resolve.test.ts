import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { parseCondition } from '../../../src/engine/condition/parser.ts'
import { patternSelects, resolveCondition } from '../../../src/engine/condition/resolve.ts'
import { compileCondition } from '../../../src/engine/condition/compile.ts'
import { traceCondition } from '../../../src/engine/condition/trace.ts'
import { input } from './builders.ts'

function resolve(condition: string, names: string[]) {
  const { ast } = parseCondition(input(condition))
  if (!ast) throw new Error(`does not parse: ${condition}`)
  return resolveCondition(ast, names)
}

/** The condition's verdict for given identifier values, through the compiled closure. */
function verdict(condition: string, values: Record<string, boolean>): boolean {
  const names = Object.keys(values)
  const fn = compileCondition<boolean[]>(
    resolve(condition, names).node,
    (i) => (v) => v[i] === true,
  )
  return fn(names.map((n) => values[n] === true))
}

describe('patterns', () => {
  test('* matches any run, anywhere; the whole name must match', () => {
    expect(patternSelects('filter_*', 'filter_main')).toBe(true)
    expect(patternSelects('*_x', 'sel_a_x')).toBe(true)
    expect(patternSelects('sel_*_x', 'sel_a_x')).toBe(true)
    expect(patternSelects('sel_*_x', 'sel_a_y')).toBe(false)
    expect(patternSelects('*', 'anything')).toBe(true)
  })
  test('a pattern without * names one identifier exactly', () => {
    expect(patternSelects('selection', 'selection')).toBe(true)
    expect(patternSelects('selection', 'selection_extra')).toBe(false)
  })
  test('underscore rule: _names only for patterns starting with _', () => {
    expect(patternSelects('them', '_hidden')).toBe(false)
    expect(patternSelects('them', 'visible')).toBe(true)
    expect(patternSelects('*', '_hidden')).toBe(false)
    expect(patternSelects('_*', '_hidden')).toBe(true)
    expect(patternSelects('*hidden', '_hidden')).toBe(false)
  })
  test('pattern characters are literal apart from *', () => {
    expect(patternSelects('a-b*', 'a-bc')).toBe(true)
    expect(patternSelects('a*', 'a.c')).toBe(true)
  })
})

describe('resolution', () => {
  test('selectors expand to members in rule order; used collects them', () => {
    const r = resolve('sel and not 1 of filter*', ['filter_b', 'sel', 'filter_a', 'other'])
    expect(r.diagnostics).toEqual([])
    expect([...r.used].sort()).toEqual([0, 1, 2])
    if (r.node?.type !== 'and' || r.node.children[1]?.type !== 'not') throw new Error('shape')
    const selector = r.node.children[1].child
    expect(selector.type === 'selector' && selector.members).toEqual([0, 2])
  })
  test('unknown identifiers are reported at their token, every one', () => {
    const r = resolve('sel or missing and (other or gone)', ['sel', 'other'])
    expect(r.node).toBeUndefined()
    expect(r.diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['UNDEFINED_IDENTIFIER', [7, 14]],
      ['UNDEFINED_IDENTIFIER', [29, 33]],
    ])
  })
  test('underscore identifiers can be named directly', () => {
    expect(resolve('_private', ['_private']).diagnostics).toEqual([])
  })
  test('a selector naming nothing is a warning, not an error', () => {
    const r = resolve('sel and 1 of filter*', ['sel'])
    expect(r.node).toBeDefined()
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
      ['SELECTOR_MATCHES_NOTHING', 'warning', [8, 20]],
    ])
  })
})

describe('evaluation (pySigma drops selectors matching nothing)', () => {
  test('and / or / not', () => {
    expect(verdict('a or b and not c', { a: false, b: true, c: false })).toBe(true)
    expect(verdict('a or b and not c', { a: false, b: true, c: true })).toBe(false)
    expect(verdict('not a and b', { a: false, b: true })).toBe(true)
  })
  test('1 of / any of / all of', () => {
    expect(verdict('1 of sel*', { sel1: false, sel2: true })).toBe(true)
    expect(verdict('any of sel*', { sel1: false, sel2: false })).toBe(false)
    expect(verdict('all of sel*', { sel1: true, sel2: false })).toBe(false)
    expect(verdict('all of sel*', { sel1: true, sel2: true })).toBe(true)
    expect(verdict('all of them', { a: true, _b: false })).toBe(true)
    expect(verdict('1 of them', { a: false, _b: true })).toBe(false)
  })
  test('dropped selectors leave the rest of the condition', () => {
    expect(verdict('sel and 1 of filter*', { sel: true })).toBe(true)
    expect(verdict('sel and not 1 of filter*', { sel: true })).toBe(true)
    expect(verdict('sel or all of filter*', { sel: false })).toBe(false)
    expect(verdict('sel and not 1 of filter*', { sel: false })).toBe(false)
  })
  test('a condition made only of dropped selectors matches nothing', () => {
    expect(verdict('1 of filter*', { sel: true })).toBe(false)
    expect(verdict('not 1 of filter*', { sel: true })).toBe(false)
    expect(verdict('not (1 of x* or all of y*)', { sel: true })).toBe(false)
  })
})

describe('trace', () => {
  test('every node gets its value; dropped nodes are marked and ignored by parents', () => {
    const names = ['sel', 'filter_a', 'filter_b']
    const r = resolve('sel and not 1 of filter_* and not 1 of nothing*', names)
    if (!r.node) throw new Error('resolves')
    const trace = traceCondition(r.node, names, [true, false, true])
    expect(trace).toMatchObject({
      type: 'and',
      value: false,
      children: [
        { type: 'ref', name: 'sel', value: true, range: [0, 3] },
        {
          type: 'not',
          value: false,
          child: {
            type: 'selector',
            value: true,
            members: [
              { name: 'filter_a', value: false },
              { name: 'filter_b', value: true },
            ],
          },
        },
        {
          type: 'not',
          value: false,
          dropped: true,
          child: { type: 'selector', members: [], dropped: true },
        },
      ],
    })
    expect(traceCondition(r.node, names, [true, false, false]).value).toBe(true)
  })
})

describe('pattern matching edge cases', () => {
  test('several stars, overlapping head and tail, empty parts', () => {
    expect(patternSelects('a*b*c', 'abc')).toBe(true)
    expect(patternSelects('a*b*c', 'aXbYc')).toBe(true)
    expect(patternSelects('a*b*c', 'acb')).toBe(false)
    expect(patternSelects('ab*ba', 'aba')).toBe(false)
    expect(patternSelects('ab*ba', 'abba')).toBe(true)
    expect(patternSelects('**', 'x')).toBe(true)
    expect(patternSelects('a**b', 'ab')).toBe(true)
    expect(patternSelects('*x*', 'axa')).toBe(true)
    expect(patternSelects('*x*', 'aaa')).toBe(false)
    expect(patternSelects('s*l*', 'sel_l')).toBe(true)
  })
})

test('pattern matching agrees with the regular-expression reading of `*`', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', '_', '*'), maxLength: 7 })
  fc.assert(
    fc.property(word, word, (pattern, name) => {
      fc.pre(pattern !== 'them' && !name.includes('*'))
      const regex = new RegExp('^' + pattern.split('*').join('.*') + '$')
      const expected = (pattern.startsWith('_') || !name.startsWith('_')) && regex.test(name)
      expect(patternSelects(pattern, name)).toBe(expected)
    }),
    { numRuns: 3000 },
  )
})
