/**
 * One generation in a fresh evaluation worker with a time budget; the worker is always
 * terminated after, so a runaway regex in a linked rule costs one thread for at most the budget.
 */
import type { EngineOptions, GenerateResult } from '../../engine/index.ts'
import type { GenerateRequest, WorkerReply } from '../../worker/protocol.ts'

const BUDGET_MS = 3000

export function generateInWorker(rule: string, options: EngineOptions): Promise<GenerateResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../worker/sigma.worker.ts', import.meta.url), {
      type: 'module',
    })
    const done = (result: GenerateResult) => {
      clearTimeout(timer)
      worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(
      () =>
        done({
          events: [],
          problem: `Generating took longer than ${BUDGET_MS / 1000} s (a slow regular expression?) and was stopped.`,
        }),
      BUDGET_MS,
    )
    worker.onmessage = (message: MessageEvent<WorkerReply>) => {
      if (message.data.type === 'generated') done(message.data.result)
    }
    worker.onerror = () => done({ events: [], problem: 'The generator stopped with an error.' })
    const request: GenerateRequest = { type: 'generate', seq: 0, rule, options }
    worker.postMessage(request)
  })
}
