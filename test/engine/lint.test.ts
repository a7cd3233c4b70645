import { describe, expect, test } from 'vitest'
import { compileRule } from '../../src/engine/index.ts'
import { dedent } from '../helpers/dedent.ts'

const header = dedent`
  title: Lint test
  id: 0e0b7a3a-64e3-4b5c-9d8e-5b0f6a8f0f11
  status: test
  description: lint
  level: low
  logsource: {product: windows}
`

/** Rule-level warnings as [code, text under the range]; value-level ones are left out. */
function warnings(text: string, codes?: string[]) {
  const result = compileRule(text)
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(result.rule).toBeDefined()
  return result.diagnostics
    .filter((d) => d.severity === 'warning' && (!codes || codes.includes(d.code)))
    .map((d) => [d.code, text.slice(d.range[0], d.range[1])])
}

const detection = (body: string) => header + 'detection:\n' + body.replace(/^/gm, '    ') + '\n'

describe('rule-level warnings', () => {
  test('a clean rule has none', () => {
    expect(warnings(detection('sel: {a: x}\ncondition: sel'))).toEqual([])
  })
  test('UNUSED_IDENTIFIER at the identifier key', () => {
    expect(warnings(detection('sel: {a: x}\nfilter_old: {b: y}\ncondition: sel'))).toEqual([
      ['UNUSED_IDENTIFIER', 'filter_old'],
    ])
  })
  test('a field dedented out of its selection is named as such', () => {
    const text = detection(
      "selection:\n    Image|endswith: '\\\\rundll32.exe'\nCommandLine|contains: 'http'\ncondition: selection",
    )
    const [unused] = compileRule(text).diagnostics.filter((d) => d.code === 'UNUSED_IDENTIFIER')
    expect(text.slice(unused!.range[0], unused!.range[1])).toBe('CommandLine|contains')
    expect(unused?.message).toContain('indent it under the selection')
    const plain = compileRule(detection('sel: {a: x}\nfilter_old: {b: y}\ncondition: sel'))
    expect(plain.diagnostics.find((d) => d.code === 'UNUSED_IDENTIFIER')?.message).not.toContain(
      'indent',
    )
  })
  test('identifiers used through a selector are used', () => {
    expect(
      warnings(detection('sel: {a: x}\nfilter_a: {b: y}\ncondition: sel and not 1 of filter_*')),
    ).toEqual([])
  })
  test('SELECTOR_MATCHES_NOTHING at the selector', () => {
    expect(warnings(detection('sel: {a: x}\ncondition: sel and not 1 of filter_*'))).toEqual([
      ['SELECTOR_MATCHES_NOTHING', '1 of filter_*'],
    ])
  })
  test('ALL_OF_THEM and THEM_SINGLE_IDENTIFIER', () => {
    expect(warnings(detection('a: {a: x}\nb: {b: y}\ncondition: all of them'))).toEqual([
      ['ALL_OF_THEM', 'all of them'],
    ])
    expect(warnings(detection('a: {a: x}\ncondition: 1 of them'))).toEqual([
      ['THEM_SINGLE_IDENTIFIER', '1 of them'],
    ])
  })
  test('IDENTIFIER_REPEATED', () => {
    expect(warnings(detection('a: {a: x}\nb: {b: y}\ncondition: a and b and a'))).toEqual([
      ['IDENTIFIER_REPEATED', 'a'],
    ])
  })
  test('IDENTIFIER_REPEATED once per name, however long the chain', () => {
    const chain = Array(50_000).fill('a').join(' and ')
    const repeated = compileRule(detection(`a: {a: x}\ncondition: ${chain}`)).diagnostics.filter(
      (d) => d.code === 'IDENTIFIER_REPEATED',
    )
    expect(repeated.map((d) => d.message)).toEqual(['`a` appears 50,000 times in the same `and`.'])
  })
  test('missing title, id, level, logsource, description', () => {
    const text = 'detection:\n    sel: {a: x}\n    condition: sel\n'
    expect(warnings(text).map((w) => w[0])).toEqual([
      'MISSING_TITLE',
      'MISSING_ID',
      'MISSING_LEVEL',
      'MISSING_LOGSOURCE',
      'MISSING_DESCRIPTION',
    ])
    expect(warnings(text).every((w) => w[1] === 'detection')).toBe(true)
  })
  test('duplicate tags and references, at the second one', () => {
    const text =
      header +
      'tags: [attack.t1059, attack.T1059]\nreferences: [https://a, https://b, https://a]\n' +
      'detection:\n    sel: {a: x}\n    condition: sel\n'
    expect(warnings(text)).toEqual([
      ['DUPLICATE_TAG', 'attack.T1059'],
      ['DUPLICATE_REFERENCE', 'https://a'],
    ])
  })
  test('TITLE_TOO_LONG past 110 characters', () => {
    const text = detection('sel: {a: x}\ncondition: sel').replace('Lint test', 'L'.repeat(111))
    expect(warnings(text)).toEqual([['TITLE_TOO_LONG', 'L'.repeat(111)]])
  })
  test('UNKNOWN_ATTRIBUTE for misspelt attributes only', () => {
    const text =
      header +
      'falsepositive: [x]\nLevel: high\nreferenses: [a]\nregression_tests_path: x\ncustom_field: 1\n' +
      'detection:\n    sel: {a: x}\n    condition: sel\n'
    expect(warnings(text)).toEqual([
      ['UNKNOWN_ATTRIBUTE', 'falsepositive'],
      ['UNKNOWN_ATTRIBUTE', 'Level'],
      ['UNKNOWN_ATTRIBUTE', 'referenses'],
    ])
  })
  test('warnings never block the rule', () => {
    const result = compileRule(
      'detection:\n    sel: {a: x}\n    unused: {b: 1}\n    condition: sel\n',
    )
    expect(result.rule).toBeDefined()
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true)
  })
})

describe('checks on the compiled rule', () => {
  test('MATCHES_EMPTY_EVENT when nothing positive is required, at the condition', () => {
    expect(warnings(detection('filter: {a: x}\ncondition: not filter'))).toEqual([
      ['MATCHES_EMPTY_EVENT', 'not filter'],
    ])
    expect(
      warnings(detection('sel: {a: x}\nfilter: {b: y}\ncondition: sel or not filter')),
    ).toEqual([['MATCHES_EMPTY_EVENT', 'sel or not filter']])
    expect(
      warnings(detection('sel: {a: x}\nfilter: {b: y}\ncondition: sel and not filter')),
    ).toEqual([])
  })
})

describe('LIST_OF_MAPS: a note that a list of one-field maps is OR', () => {
  const notes = (body: string) => {
    const text = detection(body)
    return compileRule(text)
      .diagnostics.filter((d) => d.code === 'LIST_OF_MAPS')
      .map((d) => [d.severity, text.slice(d.range[0], d.range[1]), d.message])
  }

  test('one-field maps on different fields: an info at the identifier, naming the fields', () => {
    const found = notes(
      "selection:\n    - Image|endswith: '\\\\rundll32.exe'\n    - CommandLine|contains: 'http'\ncondition: selection",
    )
    expect(found).toHaveLength(1)
    expect(found[0]?.slice(0, 2)).toEqual(['info', 'selection'])
    expect(found[0]?.[2]).toContain('`Image` or `CommandLine`')
    expect(found[0]?.[2]).toContain('drop the dashes')
  })

  test('the OR the author plainly meant gets no note', () => {
    // Several fields in a map: groups, ORed on purpose.
    expect(notes('sel:\n    - {a: x, b: y}\n    - {c: z}\ncondition: sel')).toEqual([])
    // One field, several maps: alternatives of one field.
    expect(notes('sel:\n    - a|endswith: x\n    - a|contains: y\ncondition: sel')).toEqual([])
    // One map, or a list of values.
    expect(notes('sel:\n    - a: x\ncondition: sel')).toEqual([])
    expect(notes('sel:\n    a:\n        - x\n        - y\ncondition: sel')).toEqual([])
  })

  test('a note is not a warning: the rule stays clean for check and the page', () => {
    const result = compileRule(detection('sel:\n    - a: x\n    - b: y\ncondition: sel'))
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })
})
