import { describe, expect, test } from 'vitest'
import { compileRule, evaluate, type CompiledRule } from '../../src/engine/index.ts'
import { verdict } from '../helpers/judge.ts'
import { dedent } from '../helpers/dedent.ts'
import { evtxNetConnection, netConnection, RUNDLL32_RULE } from './fixtures.ts'

function compiled(text: string): CompiledRule {
  const r = compileRule(text)
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (!r.rule) throw new Error('rule expected')
  return r.rule
}

describe('the default rule (Rundll32 Internet Connection)', () => {
  const rule = compiled(RUNDLL32_RULE)

  test('fires on rundll32 talking to a public address', () => {
    expect(evaluate(rule, netConnection())).toBe(true)
    expect(verdict(rule, netConnection())).toEqual({
      match: true,
      identifiers: {
        selection: true,
        filter_main_local_ranges: false,
        filter_main_ms_ranges: false,
        filter_main_app_sdb: false,
        filter_main_azure_managed: false,
        filter_main_svchost_update_processes: false,
      },
    })
  })
  test('each filter removes the event', () => {
    const cases = [
      { DestinationIp: '10.1.2.3' },
      { DestinationIp: 'fe80::1' },
      { DestinationIp: '20.42.0.1' },
      { CommandLine: 'C:\\Windows\\system32\\PcaSvc.dll,PcaPatchSdbTask' },
      { SourceHostname: 'vm1.internal.cloudapp.net' },
      { ParentImage: 'C:\\Windows\\System32\\svchost.exe', DestinationPort: 443 },
    ]
    for (const c of cases) expect(evaluate(rule, netConnection(c)), JSON.stringify(c)).toBe(false)
  })
  test('the selection needs both items (AND)', () => {
    expect(evaluate(rule, netConnection({ Image: 'C:\\Windows\\System32\\svchost.exe' }))).toBe(
      false,
    )
    expect(evaluate(rule, netConnection({ Initiated: 'false' }))).toBe(false)
    expect(evaluate(rule, netConnection({ Image: 'C:\\WINDOWS\\SYSTEM32\\RUNDLL32.EXE' }))).toBe(
      true,
    )
  })
  test('evtx-shaped events are flattened', () => {
    expect(evaluate(rule, evtxNetConnection())).toBe(true)
    expect(evaluate(rule, evtxNetConnection({ DestinationIp: '192.168.1.20' }))).toBe(false)
    expect(
      verdict(rule, evtxNetConnection({ DestinationIp: '192.168.1.20' })).identifiers,
    ).toMatchObject({
      selection: true,
      filter_main_local_ranges: true,
    })
  })
  test('events that are not objects never match', () => {
    for (const ev of [null, 42, 'rundll32', [], [netConnection()]])
      expect(evaluate(rule, ev)).toBe(false)
  })
})

describe('condition forms', () => {
  const rule = (condition: string) =>
    compiled(dedent`
      title: forms
      logsource: {product: test}
      detection:
          sel_a: {a: 1}
          sel_b: {b: 1}
          filter_x: {x: 1}
          _hidden: {h: 1}
          condition: ${condition}
    `)
  const ev = (fields: string) => Object.fromEntries([...fields].map((f) => [f, 1]))

  test('and / or / not / parentheses', () => {
    const r = rule('sel_a or sel_b and not filter_x')
    expect(evaluate(r, ev('a'))).toBe(true)
    expect(evaluate(r, ev('bx'))).toBe(false)
    expect(evaluate(r, ev('b'))).toBe(true)
    const p = rule('(sel_a or sel_b) and not filter_x')
    expect(evaluate(p, ev('ax'))).toBe(false)
  })
  test('selectors and them, with the underscore rule', () => {
    expect(evaluate(rule('all of sel_*'), ev('ab'))).toBe(true)
    expect(evaluate(rule('all of sel_*'), ev('a'))).toBe(false)
    expect(evaluate(rule('1 of them'), ev('h'))).toBe(false)
    expect(evaluate(rule('1 of _*'), ev('h'))).toBe(true)
    expect(evaluate(rule('_hidden'), ev('h'))).toBe(true)
  })
  test('a selector matching nothing is dropped; alone it matches nothing', () => {
    expect(evaluate(rule('sel_a and not 1 of nomatch*'), ev('a'))).toBe(true)
    expect(evaluate(rule('sel_a and 1 of nomatch*'), ev('a'))).toBe(true)
    expect(evaluate(rule('1 of nomatch*'), ev('abxh'))).toBe(false)
    expect(evaluate(rule('not 1 of nomatch*'), ev(''))).toBe(false)
  })
  test('a condition list is OR-ed', () => {
    const r = rule('[sel_a and sel_b, filter_x]')
    expect(evaluate(r, ev('ab'))).toBe(true)
    expect(evaluate(r, ev('x'))).toBe(true)
    expect(evaluate(r, ev('a'))).toBe(false)
  })
  test('verdict lists every identifier even when the condition short-circuits', () => {
    expect(verdict(rule('sel_a or sel_b'), ev('ab')).identifiers).toEqual({
      sel_a: true,
      sel_b: true,
      filter_x: false,
      _hidden: false,
    })
  })
})

describe('search shapes', () => {
  test('list of maps is OR; keywords search all values', () => {
    const r = compiled(dedent`
      title: shapes
      logsource: {product: test}
      detection:
          sel:
              - {a: x, b: y}
              - {c: z}
          keywords:
              - 'mimikatz'
          condition: sel or keywords
    `)
    expect(evaluate(r, { a: 'x', b: 'y' })).toBe(true)
    expect(evaluate(r, { a: 'x' })).toBe(false)
    expect(evaluate(r, { c: 'Z' })).toBe(true)
    expect(evaluate(r, { nested: { cmd: 'run Mimikatz.exe now' } })).toBe(true)
  })
  test('identifiers named like Object.prototype members are ordinary', () => {
    const r = compiled(
      'title: p\nlogsource: {product: t}\ndetection:\n    __proto__: {a: 1}\n    constructor: {b: 1}\n    condition: __proto__ and not constructor\n',
    )
    const v = verdict(r, { a: 1 })
    expect(v.match).toBe(true)
    expect(JSON.stringify(v.identifiers)).toBe('{"__proto__":true,"constructor":false}')
  })
})
