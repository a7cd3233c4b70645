#!/usr/bin/env node
// The CLI ships as bundled JavaScript (dist-cli/, built by `npm install` through the `prepare`
// script), run from V8's code cache (cached-script.cjs), so start-up compiles no TypeScript and
// little JavaScript. This file is CommonJS (bin/package.json): Node reaches it sooner than an
// ES module, and the worker below starts that much sooner.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { Worker } = require('node:worker_threads')
const { compileCached } = require('./cached-script.cjs')

const BUNDLE = join(__dirname, '../dist-cli/sigma-play.cjs')

if (!existsSync(BUNDLE)) {
  process.stderr.write(
    'sigma-play: the CLI is not built; run `npm install` or `npm run build:cli`\n',
  )
  process.exitCode = 2
} else {
  // `eval` evaluates in a worker thread (eval-worker.cjs). Started here, before this thread
  // loads the bundle, the worker loads its own at the same time instead of after: most of a
  // small run is start-up. Unreferenced until eval claims it (src/cli/eval-command.ts), so a
  // run that ends before (bad arguments) is not held open by it.
  if (process.argv[2] === 'eval') {
    const early = { worker: new Worker(join(__dirname, 'eval-worker.cjs')), error: undefined }
    early.worker.once('error', (error) => (early.error ??= error))
    early.worker.unref()
    globalThis[Symbol.for('sigma-play.eval-worker')] = early
  }
  compileCached(BUNDLE).run()
}
