import { describe, expect, test } from 'vitest'
import { compileRule, evaluate, type CompiledRule } from '../../src/engine/index.ts'
import { explain, verdict } from '../helpers/judge.ts'
import type { FieldTrace, GroupTrace } from '../../src/engine/types.ts'
import { dedent } from '../helpers/dedent.ts'
import { evtxNetConnection, netConnection, RUNDLL32_RULE } from './fixtures.ts'

const text = RUNDLL32_RULE
const rule = compileRule(text).rule as CompiledRule

describe('explain on the default rule', () => {
  const trace = explain(rule, netConnection({ DestinationIp: '10.0.0.5' }))

  test('verdict and identifier values', () => {
    expect(trace.match).toBe(false)
    expect(trace.identifiers).toMatchObject({ selection: true, filter_main_local_ranges: true })
  })
  test('every identifier is traced with its search tree and ranges', () => {
    expect(trace.searches.map((s) => [s.name, s.kind, s.value])).toEqual([
      ['selection', 'selection', true],
      ['filter_main_local_ranges', 'filter', true],
      ['filter_main_ms_ranges', 'filter', false],
      ['filter_main_app_sdb', 'filter', false],
      ['filter_main_azure_managed', 'filter', false],
      ['filter_main_svchost_update_processes', 'filter', false],
    ])
    const selection = trace.searches[0]!
    expect(text.slice(...selection.keyRange)).toBe('selection')
    const body = selection.body as GroupTrace
    expect(body.type).toBe('and')
    expect(text.slice(...body.range)).toBe(
      "Image|endswith: '\\rundll32.exe'\n        Initiated: 'true'",
    )
    const fields = body.children as FieldTrace[]
    expect(fields.map((f) => [f.field, f.modifiers, f.value, text.slice(...f.keyRange)])).toEqual([
      ['Image', ['endswith'], true, 'Image|endswith'],
      ['Initiated', [], true, 'Initiated'],
    ])
    expect(text.slice(...fields[0]!.values[0]!.range)).toBe("'\\rundll32.exe'")
  })
  test('the matching CIDR value is pointed at', () => {
    const body = trace.searches[1]!.body as GroupTrace
    const cidr = body.children[0] as FieldTrace
    const hit = cidr.values.filter((v) => v.value)
    expect(hit.map((v) => text.slice(...v.range))).toEqual(["'10.0.0.0/8'"])
  })
  test('condition tree: not 1 of filter_main_* expanded to members', () => {
    expect(trace.conditions).toHaveLength(1)
    const [root] = trace.conditions
    expect(root).toMatchObject({
      type: 'and',
      value: false,
      children: [
        { type: 'ref', name: 'selection', value: true },
        {
          type: 'not',
          value: false,
          child: { type: 'selector', quantifier: '1', pattern: 'filter_main_*', value: true },
        },
      ],
    })
    expect(text.slice(...root!.range)).toBe('selection and not 1 of filter_main_*')
    const selector =
      root?.type === 'and' && root.children[1]?.type === 'not' ? root.children[1].child : undefined
    expect(selector?.type === 'selector' && selector.members.map((m) => m.name)).toEqual([
      'filter_main_local_ranges',
      'filter_main_ms_ranges',
      'filter_main_app_sdb',
      'filter_main_azure_managed',
      'filter_main_svchost_update_processes',
    ])
  })
  test('the trace is plain data (JSON round trip keeps it)', () => {
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace)
  })
})

describe('explain agrees with evaluate and verdict', () => {
  const events = [
    netConnection(),
    netConnection({ DestinationIp: '172.31.255.255' }),
    netConnection({ DestinationIp: '2001:db8::1' }),
    netConnection({ Image: 'C:\\Temp\\rundll32.exe.bak' }),
    netConnection({ ParentImage: 'C:\\Windows\\System32\\svchost.exe', DestinationPort: '443' }),
    evtxNetConnection(),
    evtxNetConnection({ SourceHostname: 'x.internal.cloudapp.net' }),
    {},
    { Image: null },
  ]
  test.each(events.map((e, i) => [i, e]))('event %i', (_, event) => {
    const fast = evaluate(rule, event)
    const v = verdict(rule, event)
    const t = explain(rule, event)
    expect(v.match).toBe(fast)
    expect(t.match).toBe(fast)
    expect(t.identifiers).toEqual(v.identifiers)
    expect(t.searches.map((s) => s.value)).toEqual(Object.values(v.identifiers))
    expect(t.conditions.some((c) => c.value)).toBe(fast)
  })
})

describe('traces of other shapes', () => {
  test('keyword lists and lists of maps', () => {
    const r = compileRule(dedent`
      title: shapes
      logsource: {product: test}
      detection:
          keywords: ['evil', 'worse']
          sel:
              - {a: 1}
              - {b: 2}
          condition: keywords or sel
    `).rule!
    const t = explain(r, { msg: 'pure evil', b: 2 })
    expect(t.searches[0]?.body).toMatchObject({ type: 'keywords', value: true })
    expect(t.searches[1]?.body).toMatchObject({
      type: 'or',
      value: true,
      children: [
        { type: 'and', value: false },
        { type: 'and', value: true },
      ],
    })
  })
  test('a condition list gives one trace per condition; dropped selectors are marked', () => {
    const r = compileRule(dedent`
      title: list
      logsource: {product: test}
      detection:
          a: {x: 1}
          b: {y: 1}
          condition: [a and not 1 of none*, b]
    `).rule!
    const t = explain(r, { y: 1 })
    expect(t.match).toBe(true)
    expect(t.conditions.map((c) => c.value)).toEqual([false, true])
    expect(t.conditions[0]).toMatchObject({
      children: [{ type: 'ref' }, { type: 'not', dropped: true }],
    })
  })
})
