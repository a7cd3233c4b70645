import { describe, expect, test } from 'vitest'
import { parseCondition } from '../../../src/engine/condition/parser.ts'
import { allOf, and, anyOf, input, not, oneOf, or, ref, shape } from './builders.ts'

function ast(text: string) {
  const { ast, diagnostics } = parseCondition(input(text))
  expect(diagnostics).toEqual([])
  if (!ast) throw new Error('no ast')
  return shape(ast)
}

function failure(text: string) {
  const { ast, diagnostics } = parseCondition(input(text))
  expect(ast).toBeUndefined()
  expect(diagnostics).toHaveLength(1)
  const [d] = diagnostics
  return { code: d?.code, range: d?.range, severity: d?.severity }
}

describe('precedence (or < and < not < x of < parentheses)', () => {
  test('a single identifier', () => expect(ast('selection')).toEqual(ref('selection')))
  test('and binds tighter than or', () => {
    expect(ast('a or b and c')).toEqual(or(ref('a'), and(ref('b'), ref('c'))))
    expect(ast('a and b or c')).toEqual(or(and(ref('a'), ref('b')), ref('c')))
  })
  test('not binds tighter than and', () => {
    expect(ast('not a and b')).toEqual(and(not(ref('a')), ref('b')))
    expect(ast('a or b and not c')).toEqual(or(ref('a'), and(ref('b'), not(ref('c')))))
  })
  test('chains are flattened, parentheses are not', () => {
    expect(ast('a or b or c')).toEqual(or(ref('a'), ref('b'), ref('c')))
    expect(ast('(a or b) or c')).toEqual(or(or(ref('a'), ref('b')), ref('c')))
    expect(ast('a and (b or c)')).toEqual(and(ref('a'), or(ref('b'), ref('c'))))
  })
  test('not repeats and is right-associative', () => {
    expect(ast('not not a')).toEqual(not(not(ref('a'))))
    expect(ast('not (a or b)')).toEqual(not(or(ref('a'), ref('b'))))
  })
  test('selectors are operands', () => {
    expect(ast('selection and not 1 of filter_*')).toEqual(
      and(ref('selection'), not(oneOf('filter_*'))),
    )
    expect(ast('all of sel_* or any of them')).toEqual(or(allOf('sel_*'), anyOf('them')))
    expect(ast('1 of selection')).toEqual(oneOf('selection'))
  })
  test('parentheses may touch identifiers, whitespace is free', () => {
    expect(ast('(a)and(not b)')).toEqual(and(ref('a'), not(ref('b'))))
    expect(ast('  a\n   and\tb  ')).toEqual(and(ref('a'), ref('b')))
  })
  test('words are whole: identifiers beginning with operators are identifiers', () => {
    expect(ast('notepad and not_sel')).toEqual(and(ref('notepad'), ref('not_sel')))
    expect(ast('android or order')).toEqual(or(ref('android'), ref('order')))
    expect(ast('all')).toEqual(ref('all'))
    expect(ast('sel-1 and 1sel')).toEqual(and(ref('sel-1'), ref('1sel')))
  })
})

describe('ranges', () => {
  test('nodes carry the offsets of their text', () => {
    const { ast } = parseCondition(input('sel and not 1 of filter*'))
    expect(ast?.range).toEqual([0, 24])
    if (ast?.type !== 'and') throw new Error('and expected')
    expect(ast.children[0]?.range).toEqual([0, 3])
    expect(ast.children[1]?.range).toEqual([8, 24])
    if (ast.children[1]?.type !== 'not') throw new Error('not expected')
    expect(ast.children[1].child.range).toEqual([12, 24])
  })
  test('parentheses widen the range of what they enclose', () => {
    const { ast } = parseCondition(input('x and (a or b)'))
    if (ast?.type !== 'and') throw new Error('and expected')
    expect(ast.children[1]?.range).toEqual([6, 14])
  })
  test('toSource maps condition offsets into the rule text', () => {
    const { ast } = parseCondition({ text: 'a or b', range: [100, 106], toSource: (i) => 100 + i })
    expect(ast?.range).toEqual([100, 106])
  })
})

describe('errors, with the offending range', () => {
  test('pipe syntax', () => {
    expect(failure('selection | count() by host > 5')).toEqual({
      code: 'PIPE_SYNTAX',
      range: [10, 31],
      severity: 'error',
    })
  })
  test('upper-case operators', () => {
    expect(failure('a AND b')).toEqual({
      code: 'CONDITION_SYNTAX',
      range: [2, 5],
      severity: 'error',
    })
    expect(failure('NOT a')).toEqual({ code: 'CONDITION_SYNTAX', range: [0, 3], severity: 'error' })
    expect(failure('a and (b OR c)').range).toEqual([9, 11])
  })
  test('unbalanced parentheses', () => {
    expect(failure('(a and b')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [8, 8] })
    expect(failure('a and b)')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [7, 8] })
    expect(failure(')')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 1] })
  })
  test('dangling operators', () => {
    expect(failure('a and')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [5, 5] })
    expect(failure('not')).toMatchObject({ code: 'CONDITION_SYNTAX' })
    expect(failure('and a')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 3] })
    expect(failure('a b')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [2, 3] })
  })
  test('empty condition', () => {
    expect(failure('')).toMatchObject({ code: 'CONDITION_SYNTAX' })
    expect(failure('   ')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 3] })
  })
  test('selectors: bad quantifier, missing pattern, wildcard without selector', () => {
    expect(failure('2 of sel*')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 1] })
    expect(failure('1 of')).toMatchObject({ code: 'CONDITION_SYNTAX' })
    expect(failure('1 of (a)')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [5, 6] })
    expect(failure('sel*')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 4] })
    expect(failure('them')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 4] })
  })
  test('characters a condition cannot name', () => {
    expect(failure('sel.a or b')).toMatchObject({ code: 'CONDITION_SYNTAX', range: [0, 5] })
  })
})

describe('limits', () => {
  test('nesting deeper than the parser allows is a syntax error, not a crash', () => {
    const parens = failure('('.repeat(5000) + 'a' + ')'.repeat(5000))
    expect(parens).toMatchObject({ code: 'CONDITION_SYNTAX', range: [500, 501] })
    expect(failure('not '.repeat(5000) + 'a')).toMatchObject({ code: 'CONDITION_SYNTAX' })
    expect(ast('('.repeat(400) + 'a' + ')'.repeat(400))).toEqual(ref('a'))
  })
})
