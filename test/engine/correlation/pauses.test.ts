/**
 * Correlating 100,000 events in the page's worker must pause like every other pass: between two
 * pauses, no more than a few hundred events' verdicts are read and a few hundred windows tried.
 * The verdicts and times are watched as they are read.
 */
import { describe, expect, test } from 'vitest'
import { compileSet } from '../../../src/engine/index.ts'
import { correlateSteps } from '../../../src/engine/correlation/correlate.ts'
import { STEP_ITEMS } from '../../../src/engine/tuning/steps.ts'
import { FAILED_LOGON_RULE } from '../../fixtures/logon-rules.ts'

const RULE = FAILED_LOGON_RULE
const COUNT = (groupBy: string) => `title: Many
name: many
correlation:
    type: event_count
    rules: [failed_login]
${groupBy}    timespan: 1h
    condition:
        gte: 1000000
`

/** An array whose element reads are counted in `reads.n`. */
function watched<T>(items: T[], reads: { n: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++
      return Reflect.get(target, key, receiver) as unknown
    },
  })
}

describe('correlating pauses', () => {
  test.each([
    ['grouped by user', '    group-by: [User]\n'],
    ['in one group (no group-by)', ''],
  ])('%s: a pause every few hundred events read and windows tried', (_, groupBy) => {
    const set = compileSet(`${RULE}---\n${COUNT(groupBy)}`)
    expect(set.correlations).toHaveLength(1)
    const events = 20_000
    const reads = { n: 0 }
    // Every event matches, each a second after the one before: one long window per group.
    const matches = [watched(new Array<boolean>(events).fill(true), reads)]
    const times = watched(
      Array.from({ length: events }, (_, i) => i * 1000),
      reads,
    )
    const steps = correlateSteps({
      correlations: set.correlations,
      matches,
      times,
      fieldOf: (e, field) => (field === 'User' ? `u${e % 3}` : undefined),
    })
    let most = 0
    let pauses = 0
    for (let step = steps.next(); ; step = steps.next()) {
      most = Math.max(most, reads.n)
      reads.n = 0
      if (step.done) {
        expect(step.value.alerts).toEqual([])
        break
      }
      pauses++
    }
    // Reading the verdicts and times (two reads an event) pauses every STEP_ITEMS events.
    expect(most).toBeLessThanOrEqual(2 * STEP_ITEMS + 2)
    // Gathering, grouping and sliding each pause about every STEP_ITEMS events.
    expect(pauses).toBeGreaterThanOrEqual((3 * events) / STEP_ITEMS - 10)
  })
})
