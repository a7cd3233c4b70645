// The thread `sigma-play eval` evaluates in (src/cli/worker-main.ts, built to dist-cli/).
const { join } = require('node:path')
const { compileCached } = require('./cached-script.cjs')

compileCached(join(__dirname, '../dist-cli/eval-worker.cjs')).run()
