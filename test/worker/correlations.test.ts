// Correlation documents in the page's worker: run with the engine's runSet over every event,
// cut to the timeline, and every document accounted for (evaluated, or said why not).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { evaluationStatus } from '../../src/ui/state/evaluationStatus.ts'
import type { AnalysisView } from '../../src/ui/state/useAnalysis.ts'

const CHAIN = readFileSync('src/examples/correlation-chain.yml', 'utf8')
const CHAIN_EVENTS = readFileSync('src/examples/correlation-chain.events.json', 'utf8')
const OUTER = 'Correlation - Multiple Failed Logins Followed by Successful Login'

function analyze(rule: string, events: string, options = {}) {
  const a = new Analyzer()
  a.setEvents(events)
  a.setRule(rule, options)
  return a.analyze(0)
}

const status = (rule: string, events: string) => {
  const result = analyze(rule, events)
  return evaluationStatus({ result, ruleText: rule, eventsText: events } as AnalysisView)
}

describe('correlations in the worker', () => {
  it('runs a chain of two correlations and sends alerts with their windows', () => {
    const result = analyze(CHAIN, CHAIN_EVENTS)
    const view = result.correlations!
    expect(view.correlations.map((c) => [c.label, c.type])).toEqual([
      [OUTER, 'temporal_ordered'],
      ['multiple_failed_login', 'event_count'],
    ])
    const fired = view.groups.filter((g) => g.windows.length > 0)
    expect(fired.map((g) => [g.correlation, g.key])).toEqual([
      ['multiple_failed_login', 'User=bob'],
      [OUTER, 'User=bob'],
    ])
    expect(fired[0]?.windows[0]?.events).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    // The chain's events are drawn at their own times, not at the inner alert's.
    const outer = fired[1]!
    expect(outer.times[0]).toBe(Date.parse('2024-05-01T10:00:00Z'))
    expect(outer.events).toContain(10)
  })

  it('says why a group did not fire, in the engine’s words', () => {
    const view = analyze(CHAIN, CHAIN_EVENTS).correlations!
    const alice = view.groups.find(
      (g) => g.correlation === 'multiple_failed_login' && g.key === 'User=alice',
    )
    expect(alice?.windows).toEqual([])
    expect(alice?.why).toBe('count 7 of 10 within 10m at best; the condition is gte 10')
  })

  it('no longer calls the evaluated correlations "not evaluated", and says which rule the rows show', () => {
    const result = analyze(CHAIN, CHAIN_EVENTS)
    const codes = result.diagnostics.map((d) => [d.code, d.severity])
    expect(codes).not.toContainEqual(['CORRELATION_RULE', 'warning'])
    const other = result.diagnostics.find((d) => d.code === 'MULTIPLE_DOCUMENTS')
    expect(other?.severity).toBe('info')
    expect(other?.message).toMatch(/Evaluated for the correlations.*failed_login/)
    expect(status(CHAIN, CHAIN_EVENTS)?.message).toMatch(
      /^17 of 19 events match · 2 correlation alerts · \d+ warnings/,
    )
  })

  it('reports a correlation it cannot evaluate, never sets it aside silently', () => {
    const broken = CHAIN.replace('- successful_login', '- no_such_rule')
    const result = analyze(broken, CHAIN_EVENTS)
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'RULE_NOT_FOUND', severity: 'error' }),
    )
    expect(result.correlations?.notEvaluated).toBe(2)
    expect(status(broken, CHAIN_EVENTS)?.message).toMatch(
      /^Rule error, line 11: Rule 'no_such_rule'/,
    )
  })

  it('reports events without a usable time: in the view and in the status', () => {
    const events = JSON.parse(CHAIN_EVENTS) as Record<string, unknown>[]
    delete events[0]!['@timestamp']
    events[1]!['@timestamp'] = 'yesterday'
    const text = JSON.stringify(events)
    const view = analyze(CHAIN, text).correlations!
    expect(view.untimed.count).toBe(2)
    expect(view.untimed.first.map((u) => u.event)).toEqual([0, 1])
    expect(view.untimed.first[1]?.reason).toMatch(/'yesterday' is not a time/)
    expect(status(CHAIN, text)?.message).toContain('2 events without a usable time left out')
  })

  it('reads the time from the field the options name', () => {
    const events = (JSON.parse(CHAIN_EVENTS) as Record<string, unknown>[]).map((e) => ({
      when: e['@timestamp'],
      EventID: e.EventID,
      User: e.User,
    }))
    const text = JSON.stringify(events)
    expect(analyze(CHAIN, text).correlations?.untimed.count).toBeGreaterThan(0)
    const view = analyze(CHAIN, text, { timeField: 'when' }).correlations!
    expect(view.untimed.count).toBe(0)
    expect(view.groups.filter((g) => g.windows.length > 0)).toHaveLength(2)
  })

  it('metadata errors (issue 9, Also) stop neither the rows nor the correlations', () => {
    const drafty = CHAIN.replace('name: failed_login', 'name: failed_login\nlevel: urgent').replace(
      'id: 53ba33fd-3a50-4468-a5ef-c583635cfa92',
      'id: not-a-uuid',
    )
    const result = analyze(drafty, CHAIN_EVENTS)
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.code)).toEqual(['BAD_METADATA', 'BAD_METADATA'])
    expect(result.compiled).toBe(true)
    expect(result.counts.matches).toBe(17)
    expect(result.correlations?.groups.filter((g) => g.windows.length > 0)).toHaveLength(2)
  })

  it('pauses with progress while correlating, so a large run is not taken for a stuck worker', () => {
    const events = Array.from({ length: 3000 }, (_, i) => ({
      '@timestamp': new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString(),
      EventID: i % 7 === 0 ? 4624 : 4625,
      User: `u${i % 3}`,
    }))
    const a = new Analyzer()
    a.setEvents(JSON.stringify(events))
    a.setRule(CHAIN, {})
    const steps = a.steps(0)
    const progress: number[] = []
    let step = steps.next()
    for (; !step.done; step = steps.next())
      if (step.value.task === 'correlate') progress.push(step.value.done)
    expect(progress.length).toBeGreaterThan(20)
    expect(progress.every((d, i) => d <= 3000 && d >= (progress[i - 1] ?? 0))).toBe(true)
    const view = step.value.correlations!
    const fired = view.groups.filter((g) => g.alerts > 0)
    expect(fired.length).toBe(6)
    // Windows drawn are capped; the count of alerts is not.
    for (const g of fired) expect(g.windows.length).toBe(Math.min(g.alerts, 100))
  })

  it('leaves a text without correlations alone', () => {
    const single = CHAIN.split('---\n')[2]!
    expect(analyze(single, CHAIN_EVENTS).correlations).toBeUndefined()
  })
})
