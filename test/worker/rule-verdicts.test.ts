// Several detection rules in the rule editor: the worker sends every rule's verdict per event
// (with the filters that apply to each), and the "only the first rule" warning is corrected.
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import {
  TWO_RULES_EVENTS,
  TWO_RULES_FILTER_SECOND,
  WHOAMI_WITH_FILTER,
} from '../fixtures/whoami-filter.ts'

function analyze(rule: string, events: string) {
  const a = new Analyzer()
  a.setEvents(events)
  a.setRule(rule, {})
  return a.analyze(0)
}

const perRule = (result: ReturnType<typeof analyze>, event: number) => {
  const v = result.ruleVerdicts!
  return Object.fromEntries(
    v.rules.map((r, i) => [r.label, v.match[event * v.rules.length + i] === 1]),
  )
}

describe('several rules in one text', () => {
  it('gives every rule its own verdict per event, with the filters that apply to it', () => {
    const result = analyze(TWO_RULES_FILTER_SECOND, TWO_RULES_EVENTS)
    const v = result.ruleVerdicts!
    expect(v.rules.map((r) => [r.label, r.title, r.compiled, r.matches])).toEqual([
      ['whoami_run', 'Whoami', true, 1],
      ['hostname_run', 'Hostname', true, 1],
    ])
    expect(perRule(result, 0)).toEqual({ whoami_run: true, hostname_run: false })
    expect(perRule(result, 1)).toEqual({ whoami_run: false, hostname_run: true })
    // The filter for hostname_run excludes the admin's run.
    expect(perRule(result, 2)).toEqual({ whoami_run: false, hostname_run: false })
    expect(perRule(result, 3)).toEqual({ whoami_run: false, hostname_run: false })
    // The rows stay the first rule's.
    expect(Array.from(result.rows.match)).toEqual([1, 0, 0, 0])
  })

  it('says where the second rule is evaluated instead of "only the first rule is evaluated"', () => {
    const result = analyze(TWO_RULES_FILTER_SECOND, TWO_RULES_EVENTS)
    const note = result.diagnostics.find((d) => d.code === 'MULTIPLE_DOCUMENTS')
    expect(note?.severity).toBe('info')
    expect(note?.message).toContain('each row shows this rule\'s verdict ("Hostname", 1 match)')
    expect(note?.message).not.toContain('only the first rule')
    expect(result.diagnostics.map((d) => d.code)).not.toContain('FILTER_NOT_APPLIED')
  })

  it('sends no per-rule verdicts for a single rule (with or without filters)', () => {
    expect(analyze(WHOAMI_WITH_FILTER, TWO_RULES_EVENTS).ruleVerdicts).toBeUndefined()
  })

  it('a rule with errors is named as not evaluated, never as matching nothing', () => {
    const broken = TWO_RULES_FILTER_SECOND.replace(
      "Image|endswith: '\\hostname.exe'",
      'Image|nosuch: x',
    )
    const v = analyze(broken, TWO_RULES_EVENTS).ruleVerdicts!
    expect(v.rules.map((r) => [r.label, r.compiled])).toEqual([
      ['whoami_run', true],
      ['hostname_run', false],
    ])
  })
})
