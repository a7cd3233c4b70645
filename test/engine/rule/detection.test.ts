import { describe, expect, test } from 'vitest'
import type { SearchSource } from '../../../src/engine/rule/detection.ts'
import { detectionOf, slice } from './helpers.ts'

/** The search tree without ranges: and/or groups, items as `field|mods=values`. */
function outline(node: SearchSource | undefined): unknown {
  if (!node) return undefined
  if (node.type === 'item') {
    const { field, modifiers, values } = node.item
    const key = [field ?? '<keyword>', ...modifiers.map((m) => m.name)].join('|')
    return `${key}=${JSON.stringify(values.map((v) => v.value))}`
  }
  return { [node.type]: node.children.map(outline) }
}

function rule(detection: string): string {
  const body = detection
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n')
  return `title: t\nlogsource: {product: windows}\ndetection:\n${body}\n`
}

describe('identifier shapes (sigma-reference §2)', () => {
  test('a map is an AND of items; a list of values is OR inside one item', () => {
    const d = detectionOf(
      rule("sel:\n    Image|endswith: '\\a.exe'\n    EventID: [1, 2]\ncondition: sel"),
    )
    expect(d.diagnostics).toEqual([])
    expect(outline(d.identifiers[0]?.body)).toEqual({
      and: ['Image|endswith=["\\\\a.exe"]', 'EventID=[1,2]'],
    })
  })
  test('a list of scalars is one keyword item', () => {
    const d = detectionOf(rule("keywords:\n    - 'evil'\n    - 42\ncondition: keywords"))
    expect(outline(d.identifiers[0]?.body)).toBe('<keyword>=["evil",42]')
  })
  test('a list of maps is an OR of ANDs', () => {
    const d = detectionOf(rule('sel:\n    - {a: 1, b: 2}\n    - {c: 3}\ncondition: sel'))
    expect(outline(d.identifiers[0]?.body)).toEqual({
      or: [{ and: ['a=[1]', 'b=[2]'] }, { and: ['c=[3]'] }],
    })
  })
  test('a mixed list: each scalar is its own keyword item', () => {
    const d = detectionOf(rule("sel:\n    - 'x'\n    - {c: 3}\n    - 'y'\ncondition: sel"))
    expect(outline(d.identifiers[0]?.body)).toEqual({
      or: ['<keyword>=["x"]', { and: ['c=[3]'] }, '<keyword>=["y"]'],
    })
  })
  test('a bare scalar is a single keyword', () => {
    const d = detectionOf(rule("sel: 'mimikatz'\ncondition: sel"))
    expect(outline(d.identifiers[0]?.body)).toBe('<keyword>=["mimikatz"]')
  })
  test('keyword items may carry modifiers through an empty field name', () => {
    const d = detectionOf(rule("sel:\n    '|all':\n        - a\n        - b\ncondition: sel"))
    expect(outline(d.identifiers[0]?.body)).toEqual({ and: ['<keyword>|all=["a","b"]'] })
    expect(
      d.identifiers[0]?.body?.type === 'and' && d.identifiers[0].body.children[0],
    ).toMatchObject({
      item: { field: null },
    })
  })
  test('Field: [] means Field: null; an empty value is null', () => {
    const d = detectionOf(rule('sel:\n    a: []\n    b:\n    c: null\ncondition: sel'))
    expect(d.diagnostics).toEqual([])
    expect(outline(d.identifiers[0]?.body)).toEqual({ and: ['a=[null]', 'b=[null]', 'c=[null]'] })
  })
  test('YAML 1.2 scalars reach the item typed', () => {
    const d = detectionOf(
      rule("sel:\n    a: yes\n    b: true\n    c: 1.5\n    d: '7'\ncondition: sel"),
    )
    expect(outline(d.identifiers[0]?.body)).toEqual({
      and: ['a=["yes"]', 'b=[true]', 'c=[1.5]', 'd=["7"]'],
    })
  })
  test('anchors and aliases resolve', () => {
    const d = detectionOf(rule('sel: &x\n    a: 1\nsel2: *x\ncondition: sel or sel2'))
    expect(outline(d.identifiers[1]?.body)).toEqual({ and: ['a=[1]'] })
  })
})

describe('shape errors', () => {
  const errors = (detection: string) => {
    const text = rule(detection)
    return detectionOf(text).diagnostics.map((d) => [d.code, slice(text, d.range)])
  }
  test('empty map, empty list, empty value', () => {
    expect(errors('sel: {}\ncondition: sel')).toEqual([['EMPTY_SEARCH', '{}']])
    expect(errors('sel: []\ncondition: sel')).toEqual([['EMPTY_SEARCH', '[]']])
    expect(errors('sel:\ncondition: sel')).toEqual([['EMPTY_SEARCH', 'sel']])
  })
  test('a nested map is unsupported', () => {
    expect(errors('sel:\n    a:\n        b: 1\ncondition: sel')).toEqual([
      ['UNSUPPORTED_VALUE', 'b: 1'],
    ])
    expect(errors('sel:\n    a: [1, {b: 2}]\ncondition: sel')).toEqual([
      ['UNSUPPORTED_VALUE', '{b: 2}'],
    ])
  })
  test('missing condition, no identifiers, detection not a map', () => {
    expect(errors('sel: {a: 1}')).toEqual([['MISSING_CONDITION', 'detection']])
    expect(errors('condition: sel')).toEqual([['NO_SEARCH_IDENTIFIERS', 'detection']])
    const text = 'title: t\ndetection: [a]\n'
    expect(detectionOf(text).diagnostics.map((d) => [d.code, slice(text, d.range)])).toEqual([
      ['MISSING_DETECTION', '[a]'],
    ])
    expect(detectionOf('title: t\n').diagnostics.map((d) => d.code)).toEqual(['MISSING_DETECTION'])
  })
  test('a condition that is not a string', () => {
    expect(errors('sel: {a: 1}\ncondition: 1')).toEqual([['CONDITION_SYNTAX', '1']])
    expect(errors('sel: {a: 1}\ncondition:')).toEqual([['MISSING_CONDITION', 'condition']])
  })
})

describe('ranges', () => {
  const text = rule(
    "selection:\n    Image|endswith|cased: '\\a.exe'\n    'Cmd|contains': [x, \"y\"]\ncondition: selection",
  )
  const d = detectionOf(text)
  const body = d.identifiers[0]?.body
  if (body?.type !== 'and') throw new Error('and expected')
  const [first, second] = body.children.map((c) => (c.type === 'item' ? c.item : undefined))
  test('identifier key and whole entry', () => {
    const ident = d.identifiers[0]!
    expect(slice(text, ident.keyRange)).toBe('selection')
    expect(slice(text, ident.range)).toMatch(/^selection:\n[\s\S]*\[x, "y"\]$/)
    expect(ident.kind).toBe('selection')
  })
  test('field key, modifiers and values', () => {
    expect(slice(text, first!.keyRange)).toBe('Image|endswith|cased')
    expect(first!.modifiers.map((m) => slice(text, m.range))).toEqual(['endswith', 'cased'])
    expect(first!.values.map((v) => slice(text, v.range))).toEqual(["'\\a.exe'"])
    expect(slice(text, first!.range)).toBe("Image|endswith|cased: '\\a.exe'")
  })
  test('quoted keys and flow lists', () => {
    expect(second!.modifiers.map((m) => slice(text, m.range))).toEqual(['contains'])
    expect(second!.values.map((v) => slice(text, v.range))).toEqual(['x', '"y"'])
  })
  test('conditions map back into the text, even folded over lines', () => {
    const folded = rule('a: {x: 1}\nb: {x: 2}\ncondition:\n    a and\n    not b')
    const c = detectionOf(folded).conditions[0]!
    expect(c.text).toBe('a and not b')
    expect(folded[c.toSource(c.text.indexOf('not'))]).toBe('n')
    expect(folded.slice(c.toSource(10), c.toSource(11))).toBe('b')
  })
  test('a list of conditions gives one source each', () => {
    const listed = rule("a: {x: 1}\nb: {x: 2}\ncondition:\n    - a\n    - 'b'")
    const cs = detectionOf(listed).conditions
    expect(cs.map((c) => c.text)).toEqual(['a', 'b'])
    expect(cs.map((c) => listed[c.toSource(0)])).toEqual(['a', 'b'])
  })
  test('filters are identifiers whose name starts with filter', () => {
    const kinds = detectionOf(
      rule('selection: {a: 1}\nfilter_main: {b: 1}\ncondition: selection and not filter_main'),
    )
    expect(kinds.identifiers.map((i) => i.kind)).toEqual(['selection', 'filter'])
  })
})

describe('YAML 1.1 leftovers', () => {
  test('zero-padded numbers stay text, with a warning at the value', () => {
    const text = rule(
      'sel:\n    Details|contains:\n        - 00000429\n        - 0000042a\n        - 42\ncondition: sel',
    )
    const d = detectionOf(text)
    expect(d.diagnostics.map((x) => [x.code, x.severity, slice(text, x.range)])).toEqual([
      ['UNQUOTED_NUMBER_STRING', 'warning', '00000429'],
    ])
    expect(outline(d.identifiers[0]?.body)).toEqual({
      and: ['Details|contains=["00000429","0000042a",42]'],
    })
  })
})
