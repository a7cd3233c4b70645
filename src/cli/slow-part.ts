/**
 * Names the part of a rule that made an event run past --timeout. The stuck worker cannot say
 * where it was, so a probe worker re-runs the rule on that one event a field item at a time
 * (the page's probe, src/worker/probe.ts), announcing each item first; when the probe stalls
 * too, the last item announced is the slow one.
 */
import { Worker } from 'node:worker_threads'
import type { EngineOptions } from '../engine/index.ts'
import { lineCol } from '../engine/index.ts'
import { WORKER_ENTRY } from './worker-entry.ts'
import type { FromWorker, RuleFile } from './worker-protocol.ts'

/**
 * After its first step, a probe step that takes this long is the runaway part: 3 s, or the
 * run's --timeout when shorter (a part alone that outlasts it is the slow one by the user's
 * own measure, and the message is not kept waiting longer than the run itself was).
 */
const STEP_BUDGET_MS = 3000
/** The probe worker's start and first compile, on a busy machine. */
const START_BUDGET_MS = 30_000

/** `rule.yml: selection › CommandLine|re (line 9)`, or the rule alone when no part is to blame. */
export async function nameSlowPart(
  rule: RuleFile,
  engine: EngineOptions,
  eventText: string | undefined,
  timeoutMs: number,
): Promise<string> {
  const stepBudget = Math.min(STEP_BUDGET_MS, timeoutMs)
  let event: unknown
  try {
    if (eventText === undefined) return rule.path
    event = JSON.parse(eventText)
  } catch {
    return rule.path
  }
  const worker = new Worker(WORKER_ENTRY)
  const part = await new Promise<Extract<FromWorker, { type: 'step' }> | undefined>((resolve) => {
    let last: Extract<FromWorker, { type: 'step' }> | undefined
    let timer = setTimeout(() => resolve(last), START_BUDGET_MS)
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'step') {
        last = message
        clearTimeout(timer)
        timer = setTimeout(() => resolve(last), stepBudget)
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
  const { line } = lineCol(rule.text, part.range[0])
  return `${rule.path}: ${part.identifier} › ${part.item} (line ${line})`
}
