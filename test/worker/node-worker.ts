// Runs the real src/worker/sigma.worker.ts in a Node worker thread, giving it the `self` a browser
// worker has, so the client can be tested against the real worker, engine and time-outs.
import { parentPort } from 'node:worker_threads'

const port = parentPort
if (!port) throw new Error('node-worker.ts must run in a worker thread')

Object.assign(globalThis, {
  self: {
    postMessage: (message: unknown) => port.postMessage(message),
    set onmessage(handler: (event: { data: unknown }) => void) {
      port.on('message', (data: unknown) => handler({ data }))
    },
  },
})

await import('../../src/worker/sigma.worker.ts')
