/**
 * Every gallery example loads without errors and its events get exactly the verdicts it
 * says, from the real engine; each shows both sides (a match and a miss).
 */
import { describe, expect, test } from 'vitest'
import { compileRule, compileSet, parseEvents, runSet } from '../../src/engine/index.ts'
import { groupKey } from '../../src/worker/correlations.ts'
import { verdict } from '../helpers/judge.ts'
import { EXAMPLES } from '../../src/gallery/examples.ts'

describe.each(EXAMPLES.map((e) => [e.id, e] as const))('example %s', (_, example) => {
  test('compiles without errors and gives the verdicts it states', () => {
    const compiled = compileRule(example.rule, example.options)
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const rule = compiled.rule!
    const events = parseEvents(JSON.stringify(example.events, null, 2)).events
    expect(events.map((e) => verdict(rule, e.value).match)).toEqual(example.verdicts)
  })

  // Only correlation examples state alerts; the others have no such test (not a skipped one).
  if (example.alerts)
    test('raises exactly the alerts it states, and a group says why not', () => {
      const events = parseEvents(JSON.stringify(example.events, null, 2)).events.map((e) => e.value)
      const set = compileSet(example.rule, example.options)
      expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      const run = runSet(set, events, example.options)
      const alerts = run.alerts.map((a) => ({
        correlation: a.correlation,
        group: groupKey(a.group),
      }))
      expect(alerts).toEqual(example.alerts)
      expect(run.untimed).toEqual([])
      expect(run.groups.some((g) => g.why !== undefined)).toBe(true)
    })

  test('shows a match and a miss, with text a learner can read', () => {
    expect(example.verdicts).toContain(true)
    expect(example.verdicts).toContain(false)
    expect(example.events).toHaveLength(example.verdicts.length)
    expect(example.explain.length).toBeGreaterThan(40)
  })
})

test('ids are unique and safe in a link', () => {
  const ids = EXAMPLES.map((e) => e.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/)
})
