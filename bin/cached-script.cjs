// A bundle of dist-cli/ as a script compiled with V8's code cache beside it, when there is one
// that this Node accepts (another Node's is rejected, which only costs the time it would have
// saved). A CommonJS file from a code cache starts tens of milliseconds sooner than an ES module
// parsed afresh, and start-up is most of a small `sigma-play eval`. Used by bin/ to run the
// bundles and by scripts/build-cli.mjs to make their caches.
const { existsSync, readFileSync } = require('node:fs')
const { dirname } = require('node:path')
const { Script } = require('node:vm')

const cacheFileOf = (file) => file.replace(/\.cjs$/, '.cache')

function compileCached(file) {
  const cacheFile = cacheFileOf(file)
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined
  const source = readFileSync(file, 'utf8')
  // The wrapper Node gives every CommonJS module, so the bundle runs as if required.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  const script = new Script(wrapped, { filename: file, cachedData })
  return {
    /** Whether a cache was there and this Node took it. */
    cached: cachedData !== undefined && !script.cachedDataRejected,
    run() {
      const module = { exports: {} }
      script.runInThisContext()(module.exports, require, module, file, dirname(file))
      return module.exports
    },
    cacheFile,
    cache: () => script.createCachedData(),
  }
}

module.exports = { compileCached }
