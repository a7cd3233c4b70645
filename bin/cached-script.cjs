// A bundle of dist-cli/ as a script compiled with V8's code cache beside it, when there is one
// that this Node accepts (another Node's is rejected, which only costs the time it would have
// saved). A CommonJS file from a code cache starts tens of milliseconds sooner than an ES module
// parsed afresh, and start-up is most of a small `sigma-play eval`. Used by bin/ to run the
// bundles and by scripts/build-cli.mjs to make their caches.
const { Buffer } = require('node:buffer')
const { createHash } = require('node:crypto')
const { existsSync, readFileSync } = require('node:fs')
const { dirname } = require('node:path')
const { Script } = require('node:vm')

const cacheFileOf = (file) => file.replace(/\.cjs$/, '.cache')

// V8 matches a cache to its source by the source's length alone: the cache of another build of
// the same length would be taken and run that build's functions. So a cache starts with the
// hash of the source it was made from, and is used only beside that very source.
const HASH_BYTES = 20
const hashOf = (source) => createHash('sha1').update(source).digest()

function compileCached(file) {
  const cacheFile = cacheFileOf(file)
  const source = readFileSync(file, 'utf8')
  const hash = hashOf(source)
  const stored = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined
  const cachedData =
    stored && stored.subarray(0, HASH_BYTES).equals(hash) ? stored.subarray(HASH_BYTES) : undefined
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
    cache: () => Buffer.concat([hash, script.createCachedData()]),
  }
}

module.exports = { compileCached }
