// Bundles the CLI (src/cli/main.ts and the engine it imports) and its evaluation worker
// (src/cli/worker-main.ts) into plain JavaScript, so `sigma-play` starts without compiling
// TypeScript, and makes V8's code cache for each with the Node that will run them
// (bin/cached-script.cjs). Run by `npm install`/`npm ci` (`prepare`) and before the tests
// (vitest's global setup), so the files are never stale.
import { build } from 'esbuild'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { URL, fileURLToPath } from 'node:url'
import cachedScript from '../bin/cached-script.cjs'
import { trainCliCache } from './train-cli-cache.mjs'

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url))
const CLI_BUNDLE = path('../dist-cli/sigma-play.cjs')
const WORKER_BUNDLE = path('../dist-cli/eval-worker.cjs')
const CLI_BIN = path('../bin/sigma-play.js')

/** Written whole under a temporary name, then renamed: a CLI starting meanwhile never reads half. */
function writeWhole(file, contents) {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, contents)
  renameSync(temporary, file)
}

async function bundle(entry, outfile, run) {
  const built = await build({
    entryPoints: [path(entry)],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // The sources are ES modules; as CommonJS, import.meta.url is the file's own URL.
    define: { 'import.meta.url': '__fileUrl' },
    banner: { js: "const __fileUrl = require('node:url').pathToFileURL(__filename).href;" },
  })
  for (const file of built.outputFiles) writeWhole(file.path, cachedScript.stamped(file.text))
  const script = cachedScript.compileCached(outfile)
  // Off a worker thread the worker's bundle waits for nothing, so running it puts the functions
  // its start compiles in the cache; the CLI's would run a command, so only its top level is
  // (training runs add the rest: train-cli-cache.mjs).
  if (run) script.run()
  writeWhole(script.cacheFile, script.cache())
}

export async function buildCli() {
  await bundle('../src/cli/main.ts', CLI_BUNDLE, false)
  await bundle('../src/cli/worker-main.ts', WORKER_BUNDLE, true)
  trainCliCache(CLI_BIN)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli()
