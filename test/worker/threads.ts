// A WorkerLike over node:worker_threads, for driving SigmaClient in Node tests.
import { Worker } from 'node:worker_threads'
import type { WorkerLike } from '../../src/worker/client.ts'
import type { WorkerReply, WorkerRequest } from '../../src/worker/protocol.ts'

const script = new URL('./node-worker-boot.mjs', import.meta.url)

export interface ThreadWorker extends WorkerLike {
  terminated: boolean
  /** Every reply the worker posted, in order. */
  replies: WorkerReply[]
}

export function createThreadWorker(): ThreadWorker {
  const thread = new Worker(script)
  const worker: ThreadWorker = {
    terminated: false,
    replies: [],
    onmessage: null,
    onerror: null,
    postMessage: (message: WorkerRequest) => thread.postMessage(message),
    terminate: () => {
      worker.terminated = true
      void thread.terminate()
    },
  }
  thread.on('message', (data: WorkerReply) => {
    worker.replies.push(data)
    worker.onmessage?.({ data } as MessageEvent<WorkerReply>)
  })
  thread.on('error', (error: Error) =>
    worker.onerror?.({ message: error.message, preventDefault() {} } as ErrorEvent),
  )
  return worker
}
