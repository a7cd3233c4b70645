/**
 * Names the part of a rule that made an event run past --timeout. The stuck worker cannot say
 * where it was, so a probe worker re-runs the rule on that one event a field item at a time
 * (the page's probe, src/worker/probe.ts), announcing each item first; when the probe stalls
 * too, the last item announced is the slow one.
 */
import { Worker } from 'node:worker_threads'
import type { EngineOptions } from '../engine/index.ts'
import { lineColAt, lineStarts } from './positions.ts'
import type { FromWorker, RuleFile } from './worker-protocol.ts'

/** The probe needs far less than the full budget to show a runaway part is still running. */
const PROBE_BUDGET_MS = 2000

/** `rule.yml: selection › CommandLine|re (line 9)`, or the rule alone when no part is to blame. */
export async function nameSlowPart(
  rule: RuleFile,
  engine: EngineOptions,
  eventText: string | undefined,
  timeoutMs: number,
): Promise<string> {
  let event: unknown
  try {
    if (eventText === undefined) return rule.path
    event = JSON.parse(eventText)
  } catch {
    return rule.path
  }
  const worker = new Worker(new URL(import.meta.url))
  const budget = Math.min(timeoutMs, PROBE_BUDGET_MS)
  const part = await new Promise<Extract<FromWorker, { type: 'step' }> | undefined>((resolve) => {
    let last: Extract<FromWorker, { type: 'step' }> | undefined
    let timer = setTimeout(() => resolve(last), budget)
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'step') {
        last = message
        clearTimeout(timer)
        timer = setTimeout(() => resolve(last), budget)
      } else if (message.type === 'probe-done') {
        clearTimeout(timer)
        resolve(undefined)
      }
    })
    worker.on('error', () => resolve(undefined))
    worker.postMessage({ type: 'probe', rule, engine, event })
  })
  await worker.terminate()
  if (!part) return `${rule.path} (no single part of it is slow on its own)`
  const { line } = lineColAt(lineStarts(rule.text), part.range[0])
  return `${rule.path}: ${part.identifier} › ${part.item} (line ${line})`
}
