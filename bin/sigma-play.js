#!/usr/bin/env node
// The CLI ships as bundled JavaScript (dist-cli/, built by `npm install` through the `prepare`
// script), run from V8's code cache (cached-script.cjs), so start-up compiles no TypeScript and
// little JavaScript. This file is CommonJS (bin/package.json): Node reaches it sooner than an
// ES module.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { compileCached } = require('./cached-script.cjs')

const BUNDLE = join(__dirname, '../dist-cli/sigma-play.cjs')

if (!existsSync(BUNDLE)) {
  process.stderr.write(
    'sigma-play: the CLI is not built; run `npm install` or `npm run build:cli`\n',
  )
  process.exitCode = 2
} else {
  const script = compileCached(BUNDLE)
  script.run()
  // The build's training runs (scripts/build-cli.mjs) keep, as they exit, the code the run
  // compiled: later runs then find an eval's functions compiled already.
  if (process.env.SIGMA_PLAY_WRITE_CODE_CACHE === '1') process.on('exit', () => writeCache(script))
}

/** Written whole under a temporary name, then renamed: a CLI starting meanwhile never reads half. */
function writeCache(script) {
  const { renameSync, writeFileSync } = require('node:fs')
  const temporary = `${script.cacheFile}.${process.pid}.tmp`
  writeFileSync(temporary, script.cache())
  renameSync(temporary, script.cacheFile)
}
