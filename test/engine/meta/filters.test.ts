/**
 * Filter documents beside a rule (sigma-reference §9): facts from the filters specification's
 * example and pySigma's filter tests, rewritten here with events.
 */
import { describe, expect, test } from 'vitest'
import { compileRule, evaluate } from '../../../src/engine/index.ts'
import { explain, verdict } from '../../helpers/judge.ts'
import { dedent } from '../../helpers/dedent.ts'
import { WHOAMI_RULE } from '../../fixtures/whoami-filter.ts'

const RULE = WHOAMI_RULE

const filter = (rules: string, body: string, logsource = 'product: windows') =>
  [
    'title: Admins are allowed',
    'name: mf_admins',
    'logsource:',
    `    ${logsource}`,
    'filter:',
    `    rules: ${rules}`,
    ...body.split('\n').map((l) => '    ' + l),
    '',
  ].join('\n')

const ADMIN = { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'adm_bob' }
const USER = { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'alice' }
const OTHER = { Image: 'C:\\Windows\\System32\\cmd.exe', User: 'alice' }

const NOT_ADMIN = "selection:\n    User|startswith: 'adm_'\ncondition: not selection"

function compile(...docs: string[]) {
  return compileRule(docs.join('\n---\n'))
}

function codes(text: ReturnType<typeof compileRule>) {
  return text.diagnostics.map((d) => d.code)
}

describe('a filter document beside a rule', () => {
  test.each([
    ['by id', '6f3e2987-db24-4c78-a860-b4f4095a7095'],
    ['by name', 'whoami_run'],
    ['as a list', '[whoami_run, some_other_rule]'],
    ['as any', 'any'],
    ['as an empty list (pySigma: any)', '[]'],
  ])('excludes the events it names (rules %s)', (_, rules) => {
    const result = compile(RULE, filter(rules, NOT_ADMIN))
    const rule = result.rule!
    expect(rule).toBeDefined()
    expect(evaluate(rule, ADMIN)).toBe(false)
    expect(evaluate(rule, USER)).toBe(true)
    expect(evaluate(rule, OTHER)).toBe(false)
    expect(codes(result)).not.toContain('FILTER_NOT_APPLIED')
  })

  test('the filter may come first, before the rule', () => {
    const rule = compile(filter('whoami_run', NOT_ADMIN), RULE).rule!
    expect(evaluate(rule, ADMIN)).toBe(false)
    expect(evaluate(rule, USER)).toBe(true)
  })

  test("the verdict names the filter's identifiers apart from the rule's", () => {
    const rule = compile(RULE, filter('any', NOT_ADMIN)).rule!
    expect(verdict(rule, ADMIN)).toEqual({
      match: false,
      identifiers: { selection: true, 'mf_admins › selection': true },
    })
  })

  test('the explanation paints the filter and draws the combined condition', () => {
    const text = [RULE, filter('any', NOT_ADMIN)].join('\n---\n')
    const trace = explain(compileRule(text).rule!, ADMIN)
    const filterSearch = trace.searches[1]!
    expect(filterSearch).toMatchObject({
      name: 'mf_admins › selection',
      kind: 'filter',
      value: true,
    })
    expect(text.slice(...filterSearch.keyRange)).toBe('selection')
    expect(filterSearch.keyRange[0]).toBeGreaterThan(text.indexOf('---'))
    const tree = trace.conditions[0]!
    expect(tree.type).toBe('and')
    if (tree.type !== 'and') return
    expect(tree.children.map((c) => [c.type, c.value])).toEqual([
      ['ref', true],
      ['not', false],
    ])
  })

  test('logsource containment: a field the filter leaves out matches anything', () => {
    const rule = compile(RULE, filter('any', NOT_ADMIN, 'category: process_creation')).rule!
    expect(evaluate(rule, ADMIN)).toBe(false)
  })

  test.each([
    ['a rule id or name not here', 'unknown_rule', 'product: windows', "'unknown_rule'"],
    ['a logsource not contained', 'any', 'product: linux', 'product: linux'],
    ['a field the rule does not set', 'any', 'service: security', 'sets no service'],
  ])(
    'a filter naming %s applies to nothing, says why, and leaves the rule as is',
    (_, rules, ls, why) => {
      const result = compile(RULE, filter(rules, NOT_ADMIN, ls))
      const warn = result.diagnostics.find((d) => d.code === 'FILTER_NOT_APPLIED')
      expect(warn?.severity).toBe('warning')
      expect(warn?.message).toContain(why)
      expect(evaluate(result.rule!, ADMIN)).toBe(true)
    },
  )

  test('with several rules in the text, a filter for a later rule is not said to apply to nothing', () => {
    const second = RULE.replace(
      '6f3e2987-db24-4c78-a860-b4f4095a7095',
      '0a5b1c9e-2f7d-4e3a-9b8c-1d2e3f4a5b6c',
    )
      .replace('name: whoami_run', 'name: hostname_run')
      .replace('whoami.exe', 'hostname.exe')
    const result = compile(RULE, second, filter('hostname_run', NOT_ADMIN))
    expect(codes(result)).not.toContain('FILTER_NOT_APPLIED')
    // The first rule stays as it was: the filter is not joined to it.
    expect(evaluate(result.rule!, ADMIN)).toBe(true)
    // A filter that applies to none of the rules still says so, naming why for each.
    const none = compile(RULE, second, filter('nobody', NOT_ADMIN))
    const warn = none.diagnostics.filter((d) => d.code === 'FILTER_NOT_APPLIED')
    expect(warn).toHaveLength(1)
    expect(warn[0]?.message).toContain('whoami_run')
    expect(warn[0]?.message).toContain('hostname_run')
  })

  test("`them` and `1 of x*` in a filter see only the filter's identifiers", () => {
    const rule = dedent`
      title: Two selections
      name: two
      logsource: {product: windows}
      detection:
          sel_image:
              Image|endswith: '\\whoami.exe'
          sel_user:
              User: alice
          condition: 1 of sel_*
    `
    const body = 'sel_a:\n    User: adm_bob\nsel_b:\n    User: adm_eve\ncondition: not 1 of them'
    const compiled = compile(rule, filter('two', body)).rule!
    expect(evaluate(compiled, ADMIN)).toBe(false)
    expect(evaluate(compiled, { ...ADMIN, User: 'adm_eve' })).toBe(false)
    expect(evaluate(compiled, { ...ADMIN, User: 'adm_zed' })).toBe(true)
    // The rule's `1 of sel_*` did not pick up the filter's sel_a/sel_b: alice alone fires.
    expect(evaluate(compiled, { User: 'alice' })).toBe(true)
    const body2 = 'sel_x:\n    User: adm_bob\ncondition: not 1 of sel_*'
    expect(evaluate(compile(rule, filter('two', body2)).rule!, { User: 'alice' })).toBe(true)
  })

  test('several filters are all ANDed', () => {
    const second = filter('any', 'selection:\n    User: alice\ncondition: not selection').replace(
      'mf_admins',
      'mf_alice',
    )
    const rule = compile(RULE, filter('any', NOT_ADMIN), second).rule!
    expect(evaluate(rule, ADMIN)).toBe(false)
    expect(evaluate(rule, USER)).toBe(false)
    expect(evaluate(rule, { ...USER, User: 'carol' })).toBe(true)
  })

  test('the specification example (`condition: selection`) restricts, as pySigma does, with a warning', () => {
    const result = compile(
      RULE,
      filter('any', "selection:\n    User|startswith: 'adm_'\ncondition: selection"),
    )
    const warn = result.diagnostics.find((d) => d.code === 'FILTER_WITHOUT_NOT')
    expect(warn?.message).toContain('`not selection`')
    expect(evaluate(result.rule!, ADMIN)).toBe(true)
    expect(evaluate(result.rule!, USER)).toBe(false)
  })

  test('a malformed filter is an error and the rule is not evaluated without it', () => {
    const noRules = dedent`
      title: No rules
      logsource: {product: windows}
      filter:
          selection:
              User: x
          condition: not selection
    `
    const result = compile(RULE, noRules)
    expect(result.diagnostics.find((d) => d.code === 'FILTER_RULE')?.message).toContain("'rules'")
    expect(result.rule).toBeUndefined()
    const badModifier = filter('any', 'selection:\n    User|nosuch: x\ncondition: not selection')
    const bad = compile(RULE, badModifier)
    expect(codes(bad)).toContain('UNKNOWN_MODIFIER')
    expect(bad.rule).toBeUndefined()
  })

  test('a filter document alone is still an error: there is no rule to filter', () => {
    const result = compileRule(filter('any', NOT_ADMIN))
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
      'FILTER_RULE',
      'error',
    ])
  })
})

describe('invalid metadata never stops evaluation', () => {
  test.each([['level: severe'], ['id: not-a-uuid'], ['status: sure']])(
    '%s is reported as an error, and the rule still evaluates',
    (line) => {
      const key = line.slice(0, line.indexOf(':'))
      const text = RULE.replace(new RegExp(`^${key}: .*$`, 'm'), line)
      expect(text).toContain(line)
      const result = compileRule(text)
      expect(result.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
        'BAD_METADATA',
        'error',
      ])
      expect(result.rule && evaluate(result.rule, USER)).toBe(true)
    },
  )

  test('an empty logsource too', () => {
    const text = RULE.replace(/logsource:\n(\s+.*\n){2}/, 'logsource: {}\n')
    const result = compileRule(text)
    expect(result.diagnostics.map((d) => d.code)).toContain('BAD_METADATA')
    expect(result.rule && evaluate(result.rule, USER)).toBe(true)
  })
})
