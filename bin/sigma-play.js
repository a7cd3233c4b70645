#!/usr/bin/env node
// The CLI ships as one bundled JavaScript file (dist-cli/, built by `npm install` through the
// `prepare` script), so start-up compiles no TypeScript.
import { URL } from 'node:url'
import { Worker } from 'node:worker_threads'

const BUNDLE = new URL('../dist-cli/sigma-play.mjs', import.meta.url)

// `eval` evaluates in a worker thread running the same bundle. Started here, before this
// thread loads the bundle, the worker loads it at the same time instead of after: most of a
// small run is start-up. Unreferenced until eval claims it (src/cli/eval-command.ts), so a run
// that ends before (bad arguments) is not held open by it.
if (process.argv[2] === 'eval') {
  const early = { worker: new Worker(BUNDLE), error: undefined }
  early.worker.once('error', (error) => (early.error ??= error))
  early.worker.unref()
  globalThis[Symbol.for('sigma-play.eval-worker')] = early
}

try {
  await import(BUNDLE.href)
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli'))
    throw error
  process.stderr.write(
    'sigma-play: the CLI is not built; run `npm install` or `npm run build:cli`\n',
  )
  process.exitCode = 2
}
