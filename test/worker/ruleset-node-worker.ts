// Runs the real src/worker/ruleset.worker.ts in a Node worker thread, with the `self` a browser
// worker has, so the page's rule-set runner is tested against the real worker and time budget.
import { parentPort } from 'node:worker_threads'

const port = parentPort
if (!port) throw new Error('ruleset-node-worker.ts must run in a worker thread')

Object.assign(globalThis, {
  self: {
    postMessage: (message: unknown) => port.postMessage(message),
    set onmessage(handler: (event: { data: unknown }) => void) {
      port.on('message', (data: unknown) => handler({ data }))
    },
  },
})

await import('../../src/worker/ruleset.worker.ts')
