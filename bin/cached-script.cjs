// A bundle of dist-cli/ as a script compiled with V8's code cache beside it, when there is one
// that this Node accepts (another Node's is rejected, which only costs the time it would have
// saved). A CommonJS file from a code cache starts tens of milliseconds sooner than an ES module
// parsed afresh, and start-up is most of a small `sigma-play eval`. Used by bin/ to run the
// bundles and by scripts/build-cli.mjs to stamp them and make their caches.
const { Buffer } = require('node:buffer')
const { existsSync, readFileSync } = require('node:fs')
const { dirname } = require('node:path')
const { Script } = require('node:vm')

const cacheFileOf = (file) => file.replace(/\.cjs$/, '.cache')

// V8 matches a cache to its source by the source's length alone: the cache of another build of
// the same length would be taken and run that build's functions. So the build stamps each
// bundle with the hash of its text, a cache starts with that stamp, and it is used only beside
// a bundle with the same one. Reading the stamp back needs no hashing: loading node:crypto and
// hashing the bundle took a tenth of a small run's start-up.
const STAMP = '\n//# sigma-play build '
const STAMP_LENGTH = 40

/** The bundle's text with its stamp (at build time only). */
function stamped(source) {
  const hash = require('node:crypto').createHash('sha1').update(source).digest('hex')
  return `${source}${STAMP}${hash}\n`
}

/** The stamp a bundle ends with, or undefined when it has none (then it is never cached). */
function stampOf(source) {
  const at = source.lastIndexOf(STAMP)
  if (at < 0) return undefined
  const stamp = source.slice(at + STAMP.length).trimEnd()
  return stamp.length === STAMP_LENGTH ? stamp : undefined
}

function compileCached(file) {
  const cacheFile = cacheFileOf(file)
  const source = readFileSync(file, 'utf8')
  const stamp = stampOf(source)
  const stored = stamp && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined
  const cachedData =
    stored && stored.toString('latin1', 0, STAMP_LENGTH) === stamp
      ? stored.subarray(STAMP_LENGTH)
      : undefined
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
    cache() {
      if (stamp === undefined) throw new Error(`${file} has no build stamp to cache it under`)
      return Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()])
    },
  }
}

module.exports = { compileCached, stamped }
