/**
 * SigmaHQ's regression tests (issue 2, "Tests"): each rule against its recorded events.
 * SigmaHQ's own bar is "at least match_count matches"; we also demand exactly the records
 * an independent reference evaluator matched, and its true/false for every identifier.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { compileRule, parseEvents } from '../../src/engine/index.ts'
import { explain, verdict } from '../helpers/judge.ts'
import { readRegressionIndex, SIGMAHQ_DIR } from './corpus-files.ts'
import { readsCorpus, testEachCorpus } from './corpus-test.ts'

interface RegressionEntry {
  rule: string
  events: string
  event_count: number
  expected_match_count: number | null
  reference_matching_events: number[]
  reference_selections: { event: number; selections: Record<string, boolean> }[]
}

const index = readRegressionIndex<RegressionEntry>()

test('the index lists SigmaHQ’s 202 regression tests', readsCorpus, () => {
  expect(index.length).toBe(202)
})

testEachCorpus(
  () => index.map((entry) => [entry.rule, entry] as const),
  '%s',
  (_, entry) => {
    const compiled = compileRule(readFileSync(join(SIGMAHQ_DIR, entry.rule), 'utf8'), {})
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const rule = compiled.rule
    if (rule === undefined) throw new Error(`${entry.rule} compiled to no rule`)

    const parsed = parseEvents(readFileSync(join(SIGMAHQ_DIR, entry.events), 'utf8'))
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.events.length).toBe(entry.event_count)

    const verdicts = parsed.events.map((record) => verdict(rule, record.value))
    const matching = verdicts.flatMap((v, i) => (v.match ? [i] : []))
    expect(matching.length).toBeGreaterThanOrEqual(entry.expected_match_count ?? 1)
    expect(matching).toEqual(entry.reference_matching_events)

    const identifiers = verdicts.map((v, event) => ({ event, selections: v.identifiers }))
    const expected = entry.reference_selections.map(({ event, selections }) => ({
      event,
      selections,
    }))
    expect(identifiers).toEqual(expected)

    // The same events through the explaining path: real data for the agreement property.
    const traced = parsed.events.map((record, event) => {
      const trace = explain(rule, record.value)
      return { event, selections: trace.identifiers, match: trace.match }
    })
    expect(traced).toEqual(identifiers.map((x, i) => ({ ...x, match: verdicts[i]?.match })))
  },
)
