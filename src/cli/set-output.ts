/**
 * `eval` output for a text of several rules or with correlations: per event, the verdict of
 * each rule beside `match` (true when any detection rule matched), then one line per
 * correlation alert. Events a correlation needed but that have no time are named on stderr.
 */
import { explain, runSet, type CompiledSet, type RunOptions } from '../engine/index.ts'
import type { CliIo } from './io.ts'

export function writeSetResults(
  set: CompiledSet,
  events: readonly unknown[],
  output: 'verdict' | 'explain' | 'count',
  options: RunOptions,
  io: CliIo,
): void {
  const run = runSet(set, events, options)
  for (const event of run.untimed)
    io.err(
      `sigma-play: event ${event} is left out of the correlations: ${run.untimedReasons[event] ?? 'it has no time'}\n`,
    )
  const anyMatch = (e: number) => run.matches.some((m) => m[e] === true)
  if (output === 'count') {
    let matches = 0
    for (let e = 0; e < events.length; e++) if (anyMatch(e)) matches++
    io.out(
      JSON.stringify({ events: events.length, matches, correlations: run.alerts.length }) + '\n',
    )
    return
  }
  const lines: string[] = []
  const flush = () => io.out(lines.splice(0).join('\n') + '\n')
  events.forEach((raw, e) => {
    const rules = Object.create(null) as Record<string, boolean>
    set.rules.forEach((r, i) => (rules[r.label] = run.matches[i]?.[e] === true))
    const line: Record<string, unknown> = { event: e, match: anyMatch(e), rules }
    if (output === 'explain') {
      const traces = Object.create(null) as Record<string, unknown>
      for (const r of set.rules) if (r.rule) traces[r.label] = explain(r.rule, raw)
      line.traces = traces
    }
    lines.push(JSON.stringify(line))
    if (lines.length >= 1000) flush()
  })
  for (const a of run.alerts)
    lines.push(
      JSON.stringify({
        correlation: a.correlation,
        group: a.group,
        events: a.events,
        first: a.first,
        last: a.last,
      }),
    )
  if (lines.length > 0) flush()
}
