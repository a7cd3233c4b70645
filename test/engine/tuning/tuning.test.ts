// The tuning loop's pure parts through the worker's Analyzer, on the scenario's 2,000 events:
// views, search, top values, what-if, suggested filters and their insertion into the rule.
import { describe, expect, it } from 'vitest'
import {
  appendFilterDocument,
  compileRule,
  evaluate,
  insertFilterBlocks,
} from '../../../src/engine/index.ts'
import type { TuningRequest } from '../../../src/engine/index.ts'
import { Analyzer } from '../../../src/worker/analyzer.ts'
import { scenario, scenarioJson, TUNING_RULE } from '../../fixtures/tuning-scenario.ts'
import { splunkLine, winlogbeatForm } from '../events/shape-forms.ts'

const EVENTS = scenario(2000)
const request = (extra: Partial<TuningRequest> = {}): TuningRequest => ({
  mode: 'all',
  search: '',
  whatif: {},
  expect: {},
  ...extra,
})

function analyzer() {
  const a = new Analyzer()
  a.setEvents(scenarioJson(2000))
  a.setRule(TUNING_RULE, {})
  return a
}

const indicesOf = (kind: string) => EVENTS.flatMap((e, i) => (e.kind === kind ? [i] : []))

describe('tuning views', () => {
  const a = analyzer()
  it('counts follow the mode and the search', () => {
    expect(a.analyze(0, [0, 50], request()).tuning).toMatchObject({ viewCount: 2000 })
    const matches = a.analyze(0, [0, 50], request({ mode: 'matches' })).tuning
    expect(matches?.viewCount).toBe(700)
    expect(matches?.viewMatches).toBe(700)
    expect(a.analyze(0, [0, 50], request({ mode: 'nonmatches' })).tuning?.viewCount).toBe(1300)
    const agent = a.analyze(0, [0, 50], request({ mode: 'matches', search: 'CONTOSO-agent' }))
    expect(agent.tuning?.viewCount).toBe(200)
    expect([...(agent.tuning?.view ?? [])]).toEqual(indicesOf('agent'))
  })

  it('shows one identifier true, and the events whose verdict differs from the marks', () => {
    const filter = a.analyze(
      0,
      [0, 50],
      request({ mode: 'identifier', identifier: 'filter_main_explorer' }),
    )
    // Non-shells started by explorer: 3 of every 20 events.
    expect(filter.tuning?.viewCount).toBe(300)
    const wrong = a.analyze(
      0,
      [0, 50],
      request({ mode: 'wrong', expect: { 3: 'nomatch', 1: 'match', 0: 'match' } }),
    )
    expect([...(wrong.tuning?.view ?? [])]).toEqual([0, 3])
  })

  it('explains the rows of the view, not the first events', () => {
    const result = a.analyze(0, [0, 5], request({ mode: 'matches', search: 'fbk-scheduler' }))
    const first = result.tuning?.view?.[0] ?? -1
    expect(first).toBe(7)
    expect(result.rows.summaries[first]).toMatch(/^matched: selection/)
  })
})

describe('top values', () => {
  it('puts the parent process first among the matches and counts its values', () => {
    const result = analyzer().analyze(0, [0, 50], request({ mode: 'matches' }))
    const top = result.tuning?.topValues ?? []
    const parent = top.find((f) => f.field === 'ParentImage')
    expect(parent?.values[0]).toMatchObject({
      value: 'C:\\Program Files\\Contoso\\Agent\\contoso-agent.exe',
      count: 200,
      matches: 200,
    })
    // All-distinct fields (UtcTime) and single-valued ones (EventID) tell nothing.
    expect(top.find((f) => f.field === 'EventID')?.score).toBe(0)
    expect(top.find((f) => f.field === 'UtcTime')?.score).toBe(0)
    expect(top[0]?.score).toBeGreaterThan(0)
  })

  it('orders fields by how well they separate matches from non-matches', () => {
    const top = analyzer().analyze(0, [0, 50], request()).tuning?.topValues ?? []
    const rank = (field: string) => top.findIndex((f) => f.field === field)
    expect(rank('Image')).toBeLessThan(rank('Computer'))
    expect(top.find((f) => f.field === 'Image')?.score).toBeGreaterThan(0.9)
  })
})

describe('what-if', () => {
  it('counts what forcing an identifier would change, from the identifier values alone', () => {
    const a = analyzer()
    const off = a.analyze(0, [0, 50], request({ whatif: { filter_main_explorer: false } }))
    // Shells started by explorer: none in the scenario, so nothing changes.
    expect(off.tuning?.whatif).toMatchObject({ gained: 0, lost: 0 })
    const sel = a.analyze(0, [0, 50], request({ whatif: { selection: false } }))
    expect(sel.tuning?.whatif).toMatchObject({ gained: 0, lost: 700 })
    const on = a.analyze(0, [0, 50], request({ whatif: { selection: true } }))
    // Every non-shell not started by explorer would match.
    expect(on.tuning?.whatif?.gained).toBe(1000)
    expect(a.analyze(0, [0, 50], request()).tuning?.whatif).toBeUndefined()
  })
})

describe('suggested filter', () => {
  const marks = { 3: 'nomatch', 13: 'nomatch', 7: 'nomatch', 1: 'match' } as const

  it('captures both kinds of false positive from three marks and spares every true positive', () => {
    const a = analyzer()
    const proposal = a.analyze(0, [0, 50], request({ expect: marks, suggest: 1 })).tuning?.proposal
    expect(proposal?.blocks.map((b) => b.items)).toEqual([
      [
        {
          field: 'ParentImage',
          modifier: 'endswith',
          value: '\\Program Files\\Contoso\\Agent\\contoso-agent.exe',
        },
      ],
      [
        {
          field: 'ParentImage',
          modifier: 'endswith',
          value: '\\Program Files (x86)\\Fabrikam\\Backup\\fbk-scheduler.exe',
        },
      ],
    ])
    expect(proposal?.blocks.map((b) => b.name)).toEqual([
      'filter_optional_contoso_agent',
      'filter_optional_fbk_scheduler',
    ])
    expect(proposal).toMatchObject({ removedCount: 300, fixed: 3, missed: 0 })

    const inserted = insertFilterBlocks(TUNING_RULE, proposal?.blocks ?? [])
    if (!inserted.ok) throw new Error(inserted.message)
    const rule = compileRule(inserted.text).rule
    if (!rule) throw new Error('the tuned rule does not compile')
    EVENTS.forEach(({ kind, event }) => {
      expect(evaluate(rule, event)).toBe(kind === 'tp')
    })
  })

  it('proposes the same filter for the events as Winlogbeat and a Splunk export ship them', () => {
    const flat = analyzer().analyze(0, [0, 50], request({ expect: marks, suggest: 1 })).tuning
    for (const form of [winlogbeatForm, splunkLine]) {
      const a = new Analyzer()
      a.setEvents(JSON.stringify(EVENTS.map(({ event }) => form(event))))
      a.setRule(TUNING_RULE, {})
      const tuned = a.analyze(0, [0, 50], request({ expect: marks, suggest: 1 })).tuning
      expect(tuned?.proposal?.blocks).toEqual(flat?.proposal?.blocks)
      expect(tuned?.proposal).toMatchObject({ removedCount: 300, fixed: 3, missed: 0 })
    }
  })

  it('as a filter document after the rule: the rule is unchanged and the filter applies to it', () => {
    const a = analyzer()
    const proposal = a.analyze(0, [0, 50], request({ expect: marks, suggest: 1 })).tuning?.proposal
    const appended = appendFilterDocument(TUNING_RULE, proposal?.blocks ?? [])
    if (!appended.ok) throw new Error(appended.message)
    expect(appended.text.startsWith(TUNING_RULE)).toBe(true)
    expect(appended.text).toContain("rules:\n        - '5b0c7e52-1d0a-4c55-9f0e-7f5a3c1b2d40'")
    const compiled = compileRule(appended.text)
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const rule = compiled.rule
    if (!rule) throw new Error('the rule with its filter does not compile')
    EVENTS.forEach(({ kind, event }) => {
      expect(evaluate(rule, event)).toBe(kind === 'tp')
    })
    // A rule without id or name cannot be named by a filter document.
    const anonymous = TUNING_RULE.replace(/^id: .*\n/m, '')
    expect(appendFilterDocument(anonymous, proposal?.blocks ?? [])).toMatchObject({ ok: false })
  })

  it('says why when nothing is marked, and narrows to spare a "should match" event', () => {
    const a = analyzer()
    expect(a.analyze(0, [0, 50], request({ suggest: 1 })).tuning?.proposal?.message).toMatch(
      /Mark at least one/,
    )
    const clash = a.analyze(
      0,
      [0, 50],
      request({ expect: { 3: 'nomatch', 23: 'match' }, suggest: 2 }),
    )
    // Event 23 is of the same kind as 3: only 3's own command line is left to filter on.
    const proposal = clash.tuning?.proposal
    expect(proposal?.blocks.flatMap((b) => b.items.map((i) => i.field))).toEqual(['CommandLine'])
    expect(proposal).toMatchObject({ fixed: 1, missed: 0 })
    expect(proposal?.removed).not.toContain(23)
  })
})

describe('insertFilterBlocks', () => {
  const block = {
    name: 'filter_optional_agent',
    items: [{ field: 'ParentImage', modifier: 'endswith' as const, value: "\\it's*.exe" }],
  }

  it('keeps every other byte, indents like the rule and escapes the value', () => {
    const result = insertFilterBlocks(TUNING_RULE, [block])
    if (!result.ok) throw new Error(result.message)
    expect(result.text).toBe(
      TUNING_RULE.replace(
        "        ParentImage: 'C:\\Windows\\explorer.exe'\n",
        "        ParentImage: 'C:\\Windows\\explorer.exe'\n    filter_optional_agent:\n        ParentImage|endswith: '\\it''s\\*.exe'\n",
      ).replace(
        'condition: selection and not 1 of filter_main_*',
        'condition: selection and not 1 of filter_main_* and not 1 of filter_optional_*',
      ),
    )
  })

  it('wraps a condition with `or`, keeps quotes, and names blocks beside other optional filters', () => {
    const rule = [
      'title: t',
      'logsource: {product: windows}',
      'detection:',
      '  a: {x: 1}',
      '  filter_optional_old: {y: 2}',
      '  condition: "a or filter_optional_old"',
      '',
    ].join('\n')
    const result = insertFilterBlocks(rule, [block])
    if (!result.ok) throw new Error(result.message)
    expect(result.text).toContain(
      'condition: "(a or filter_optional_old) and not filter_optional_agent"',
    )
    expect(result.text).toContain('  filter_optional_agent:\n    ParentImage|endswith:')
    expect(compileRule(result.text).rule).toBeDefined()
  })
})
