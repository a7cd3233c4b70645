// The worker's cache: a rule edit does not re-parse events, an events edit does not recompile,
// and a selection change only explains the newly selected event.
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { rangesFrom, rowAt } from '../../src/worker/rows.ts'
import type { Phase } from '../../src/worker/protocol.ts'
import { DEFAULT_EVENTS } from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'

function analyzer() {
  const phases: Phase[] = []
  return { phases, analyzer: new Analyzer((p) => phases.push(p)) }
}

describe('Analyzer', () => {
  it('evaluates every event, counts matches and hits per identifier', () => {
    const { analyzer: a } = analyzer()
    a.setEvents(DEFAULT_EVENTS)
    a.setRule(DEFAULT_RULE, {})
    const result = a.analyze(0)
    expect(result.compiled).toBe(true)
    expect(result.counts).toEqual({
      events: 9,
      matches: 2,
      perIdentifier: {
        selection: 8,
        filter_main_local_ranges: 2,
        filter_main_ms_ranges: 1,
        filter_main_app_sdb: 1,
        filter_main_azure_managed: 1,
        filter_main_svchost_update_processes: 1,
      },
      outside: 0,
    })
    const ranges = rangesFrom(result.events.ranges)
    expect(ranges).toHaveLength(9)
    expect(JSON.parse(DEFAULT_EVENTS.slice(...(ranges[1] ?? [0, 0]))).DestinationIp).toBe(
      '10.2.3.4',
    )
    expect(result.trace?.match).toBe(true)
    expect(result.meta.author).toBe('Florian Roth (Nextron Systems)')
  })

  it('re-parses nothing on a rule edit and recompiles nothing on an events edit', () => {
    const { analyzer: a, phases } = analyzer()
    a.setEvents(DEFAULT_EVENTS)
    a.setRule(DEFAULT_RULE, {})
    a.analyze(0)
    phases.length = 0
    a.setRule(DEFAULT_RULE.replace("'true'", "'false'"), {})
    expect(a.analyze(0).counts.matches).toBe(0)
    expect(phases).toEqual(['compile', 'evaluate', 'explain'])
    phases.length = 0
    a.setEvents(
      '{"Image": "C:\\\\x\\\\rundll32.exe", "Initiated": "false", "DestinationIp": "8.8.8.8"}',
    )
    expect(a.analyze(0).counts).toMatchObject({ events: 1, matches: 1 })
    expect(phases).toEqual(['parse', 'evaluate', 'explain'])
  })

  it('keeps the verdicts when an edit outside detection changes none of them', () => {
    const { analyzer: a, phases } = analyzer()
    a.setEvents(DEFAULT_EVENTS)
    a.setRule(DEFAULT_RULE, {})
    const before = a.analyze(0)
    phases.length = 0
    const retitled = DEFAULT_RULE.replace(
      'title: Rundll32 Internet Connection',
      'title: Rundll32 reaching out',
    )
    a.setRule(retitled, {})
    const after = a.analyze(0)
    expect(phases).toEqual(['compile', 'explain'])
    expect(after.rows).toBe(before.rows)
    expect(after.meta.title).toBe('Rundll32 reaching out')
    // The trace is redone: its ranges follow the shorter title.
    const shift = retitled.length - DEFAULT_RULE.length
    expect(after.trace?.searches[0]?.keyRange[0]).toBe(
      (before.trace?.searches[0]?.keyRange[0] ?? 0) + shift,
    )
    phases.length = 0
    a.setRule(retitled, { fieldMap: { Image: 'NewProcessName' } })
    expect(a.analyze(0).counts.matches).toBe(0)
    expect(phases).toContain('evaluate')
  })

  it('only explains the newly selected event when the selection moves', () => {
    const { analyzer: a, phases } = analyzer()
    a.setEvents(DEFAULT_EVENTS)
    a.setRule(DEFAULT_RULE, {})
    const first = a.analyze(0)
    phases.length = 0
    const second = a.analyze(7)
    expect(phases).toEqual(['explain'])
    expect(second.rows).toBe(first.rows)
    expect(second.trace?.identifiers.selection).toBe(false)
  })

  it('clamps the selection and reports broken inputs without throwing', () => {
    const { analyzer: a } = analyzer()
    a.setEvents('[{"a": 1}, {"a": ')
    a.setRule('title: [unclosed', {})
    const result = a.analyze(50)
    expect(result.compiled).toBe(false)
    expect(result.rows.count).toBe(0)
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(result.events.diagnostics.length).toBeGreaterThan(0)
    expect(result.selected).toBeLessThan(Math.max(1, result.events.count))
  })

  it('explains only the rows in the window, and each of them once', () => {
    const { analyzer: a } = analyzer()
    const one =
      '{"Image": "C:\\\\Windows\\\\System32\\\\rundll32.exe", "Initiated": "true", "DestinationIp": "10.1.1.1"}\n'
    a.setEvents(one.repeat(300))
    a.setRule(DEFAULT_RULE, {})
    const detailed = 'excluded by filter_main_local_ranges: DestinationIp 10.1.1.1 in 10.0.0.0/8'
    const first = a.analyze(0, [0, 20]).rows
    expect(rowAt(first, 0)?.summary).toBe(detailed)
    expect(rowAt(first, 19)?.summary).toBe(detailed)
    expect(rowAt(first, 20)?.summary).toBe('excluded by filter_main_local_ranges')
    const scrolled = a.analyze(0, [250, 270]).rows
    expect(rowAt(scrolled, 260)?.summary).toBe(detailed)
    expect(rowAt(scrolled, 100)?.summary).toBe('excluded by filter_main_local_ranges')
    expect(Object.keys(scrolled.summaries)).toHaveLength(20)
    expect(rowAt(scrolled, 260)).toEqual({
      match: false,
      identifiers: {
        selection: true,
        filter_main_local_ranges: true,
        filter_main_ms_ranges: false,
        filter_main_app_sdb: false,
        filter_main_azure_managed: false,
        filter_main_svchost_update_processes: false,
      },
      summary: detailed,
    })
  })
})
