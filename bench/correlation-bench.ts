/**
 * `npm run bench`, correlations: the default rule plus an event_count correlation over the
 * same 100,000 events with a timestamp each (one a second), grouped by host, timed next to
 * plain evaluation of the rule alone. Both go through runSet, so the difference is what the
 * correlation costs (times, grouping, sliding windows).
 */
import { compileSet, runSet } from '../src/engine/index.ts'
import { timePasses, type Timing } from './measure.ts'

const CORRELATION = `
---
title: Many rundll32 connections from one host
name: many_rundll32_connections
correlation:
    type: event_count
    rules: [RULE_ID]
    group-by: [SourceHostname]
    timespan: 5m
    condition:
        gte: 10
`

export function benchCorrelation(
  ruleText: string,
  ruleId: string,
  events: readonly Record<string, unknown>[],
): { plain: Timing; correlated: Timing; alerts: number } {
  const start = Date.parse('2024-05-01T00:00:00Z')
  const timed = events.map((e, i) => ({
    ...e,
    '@timestamp': new Date(start + i * 1000).toISOString(),
  }))
  const plainSet = compileSet(ruleText)
  const correlatedSet = compileSet(ruleText + CORRELATION.replace('RULE_ID', ruleId))
  if (correlatedSet.correlations.length !== 1)
    throw new Error('the bench correlation did not compile')
  const plain = timePasses(() => runSet(plainSet, timed).matches[0]?.filter(Boolean).length ?? 0, 3)
  const correlated = timePasses(() => runSet(correlatedSet, timed).alerts.length, 3)
  return { plain, correlated, alerts: correlated.result }
}
