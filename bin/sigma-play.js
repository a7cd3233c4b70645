#!/usr/bin/env node
// The CLI ships as bundled JavaScript (dist-cli/, built by `npm install` through the `prepare`
// script), run from V8's code cache (bin/cached-script.cjs), so start-up compiles no
// TypeScript and little JavaScript.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { URL, fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

const require = createRequire(import.meta.url)
const { compileCached } = require('./cached-script.cjs')
const BUNDLE = fileURLToPath(new URL('../dist-cli/sigma-play.cjs', import.meta.url))
const WORKER = new URL('./eval-worker.cjs', import.meta.url)

if (!existsSync(BUNDLE)) {
  process.stderr.write(
    'sigma-play: the CLI is not built; run `npm install` or `npm run build:cli`\n',
  )
  process.exitCode = 2
} else {
  // `eval` evaluates in a worker thread (bin/eval-worker.cjs). Started here, before this
  // thread loads the bundle, the worker loads its own at the same time instead of after: most
  // of a small run is start-up. Unreferenced until eval claims it (src/cli/eval-command.ts),
  // so a run that ends before (bad arguments) is not held open by it.
  if (process.argv[2] === 'eval') {
    const early = { worker: new Worker(WORKER), error: undefined }
    early.worker.once('error', (error) => (early.error ??= error))
    early.worker.unref()
    globalThis[Symbol.for('sigma-play.eval-worker')] = early
  }
  compileCached(BUNDLE).run()
}
