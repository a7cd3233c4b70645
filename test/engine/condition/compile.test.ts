import { expect, test } from 'vitest'
import fc from 'fast-check'
import { parseCondition } from '../../../src/engine/condition/parser.ts'
import { resolveCondition } from '../../../src/engine/condition/resolve.ts'
import { compileCondition } from '../../../src/engine/condition/compile.ts'
import { traceCondition } from '../../../src/engine/condition/trace.ts'
import { input } from './builders.ts'

const NAMES = ['sel', 'sel_a', 'filter_x', 'filter_y', '_hidden']

/** Condition text from the grammar, with selectors that may match nothing. */
const condition = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES),
    fc
      .tuple(
        fc.constantFrom('1', 'any', 'all'),
        fc.constantFrom('sel*', 'filter_*', 'them', 'none*', '_*', '*'),
      )
      .map(([q, p]) => `${q} of ${p}`),
    tie('expr').map((e) => `not ${e}`),
    fc
      .tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((e) => `(${e})`),
  ),
})).expr

/** The semantics written out plainly: pySigma drops selectors matching nothing. */
function reference(text: string, values: Record<string, boolean>): boolean {
  const { ast } = parseCondition(input(text))
  const r = resolveCondition(ast!, NAMES)
  type V = boolean | undefined // undefined: dropped
  const visit = (n: NonNullable<typeof r.node>): V => {
    switch (n.type) {
      case 'ref':
        return values[n.name] === true
      case 'selector': {
        if (n.members.length === 0) return undefined
        const vs = n.members.map((i) => values[NAMES[i]!] === true)
        return n.quantifier === 'all' ? vs.every(Boolean) : vs.some(Boolean)
      }
      case 'not': {
        const v = visit(n.child)
        return v === undefined ? undefined : !v
      }
      default: {
        const vs = n.children.map(visit).filter((v): v is boolean => v !== undefined)
        if (vs.length === 0) return undefined
        return n.type === 'and' ? vs.every(Boolean) : vs.some(Boolean)
      }
    }
  }
  return visit(r.node!) === true
}

test('fast closure, value closure and trace agree with the plain semantics', () => {
  const values = fc.tuple(...NAMES.map(() => fc.boolean()))
  fc.assert(
    fc.property(condition, values, (text, bits) => {
      const { ast, diagnostics } = parseCondition(input(text))
      expect(diagnostics).toEqual([])
      const { node } = resolveCondition(ast!, NAMES)
      const byName = Object.fromEntries(NAMES.map((n, i) => [n, bits[i] === true]))
      const expected = reference(text, byName)
      const lazy = compileCondition<null>(node, (i) => () => bits[i] === true)
      const fromValues = compileCondition<readonly boolean[]>(node, (i) => (v) => v[i] === true)
      expect(lazy(null)).toBe(expected)
      expect(fromValues(bits)).toBe(expected)
      expect(node!.dropped ? false : traceCondition(node!, NAMES, bits).value).toBe(expected)
      expect(traceCondition(node!, NAMES, bits).value).toBe(expected)
    }),
    { numRuns: 2000 },
  )
})
