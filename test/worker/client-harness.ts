// Drives SigmaClient against the real worker in a Node thread and collects its outcomes.
import { afterEach } from 'vitest'
import type { AnalysisInput, AnalysisOutcome } from '../../src/worker/client.ts'
import { SigmaClient } from '../../src/worker/client.ts'
import type { WorkerRequest } from '../../src/worker/protocol.ts'
import { DEFAULT_EVENTS } from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'
import type { ThreadWorker } from './threads.ts'
import { createThreadWorker } from './threads.ts'

const clients: SigmaClient[] = []
afterEach(() => clients.splice(0).forEach((c) => c.dispose()))

export function start(budgetMs = 1000) {
  const outcomes: AnalysisOutcome[] = []
  const workers: ThreadWorker[] = []
  const sent: WorkerRequest[] = []
  const waiters: (() => void)[] = []
  const client = new SigmaClient(
    () => {
      const worker = createThreadWorker()
      const post = worker.postMessage
      worker.postMessage = (m) => {
        sent.push(m)
        post(m)
      }
      workers.push(worker)
      return worker
    },
    (outcome) => {
      outcomes.push(outcome)
      waiters.splice(0).forEach((w) => w())
    },
    { budgetMs },
  )
  clients.push(client)
  const next = (type: AnalysisOutcome['type'], timeoutMs = 15_000) =>
    new Promise<AnalysisOutcome>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} outcome`)), timeoutMs)
      const check = () => {
        const found = outcomes.find((o) => o.type === type)
        if (found) {
          outcomes.splice(outcomes.indexOf(found), 1)
          clearTimeout(timer)
          resolve(found)
        } else waiters.push(check)
      }
      check()
    })
  return { client, next, workers, sent, outcomes }
}

export const input = (over: Partial<AnalysisInput> = {}): AnalysisInput => ({
  rule: DEFAULT_RULE,
  events: DEFAULT_EVENTS,
  selected: 0,
  options: {},
  ...over,
})
