/** The CLI runs as one bundled JavaScript file: no TypeScript compiler at run time, never stale. */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BUNDLES = ['dist-cli/sigma-play.cjs', 'dist-cli/eval-worker.cjs'].map((b) => join(ROOT, b))
const { compileCached, stamped } = createRequire(import.meta.url)(
  '../../bin/cached-script.cjs',
) as {
  compileCached: (file: string) => {
    cached: boolean
    run(): unknown
    cacheFile: string
    cache(): Buffer
  }
  stamped: (source: string) => string
}

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

test('the bundles are newer than every source file they are built from', () => {
  for (const bundle of BUNDLES) {
    const built = statSync(bundle).mtimeMs
    for (const dir of ['src/cli', 'src/engine', 'src/worker'])
      expect(built).toBeGreaterThanOrEqual(newestSource(join(ROOT, dir)))
  }
})

test('this Node takes the code cache the build made for each bundle', () => {
  for (const bundle of BUNDLES) expect(compileCached(bundle).cached, bundle).toBe(true)
})

test("the CLI's cache holds the code an eval compiles, not only the bundle's top level", () => {
  // The same bundle, loaded in a folder with no cache beside it, caches its top level alone.
  const copy = join(mkdtempSync(join(tmpdir(), 'sigma-play-cache-')), 'sigma-play.cjs')
  copyFileSync(BUNDLES[0] as string, copy)
  const topLevel = compileCached(copy).cache().length
  const trained = statSync(compileCached(BUNDLES[0] as string).cacheFile).size
  expect(trained).toBeGreaterThan(2 * topLevel)
})

test('a cache made for another build of the same length is not used: the new code runs', () => {
  // V8 itself would take it: it checks a cache against its source's length only.
  const bundle = join(mkdtempSync(join(tmpdir(), 'sigma-play-cache-')), 'bundle.cjs')
  const build = (answer: string) =>
    writeFileSync(bundle, stamped(`module.exports = function answer() { return '${answer}' }\n`))
  build('A')
  const first = compileCached(bundle)
  ;(first.run() as () => string)() // compiled now, so the cache holds the function
  writeFileSync(first.cacheFile, first.cache())
  build('B')
  const second = compileCached(bundle)
  expect(second.cached).toBe(false)
  expect((second.run() as () => string)()).toBe('B')
  // Its own cache is taken again.
  writeFileSync(second.cacheFile, second.cache())
  expect(compileCached(bundle).cached).toBe(true)
})

test('a bundle without a build stamp runs, and is never cached', () => {
  const bundle = join(mkdtempSync(join(tmpdir(), 'sigma-play-cache-')), 'bundle.cjs')
  writeFileSync(bundle, `module.exports = 'unstamped'\n`)
  const script = compileCached(bundle)
  expect(script.cached).toBe(false)
  expect(script.run()).toBe('unstamped')
  expect(() => script.cache()).toThrow(/no build stamp/)
})

test('bin/ loads the bundles, not TypeScript through tsx', () => {
  const bin = readFileSync(join(ROOT, 'bin/sigma-play.js'), 'utf8')
  expect(bin).toContain('../dist-cli/sigma-play.cjs')
  const worker = readFileSync(join(ROOT, 'bin/eval-worker.cjs'), 'utf8')
  expect(worker).toContain('../dist-cli/eval-worker.cjs')
  for (const text of [bin, worker]) expect(text).not.toMatch(/tsx|\.ts['"]/)
  for (const bundle of BUNDLES)
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/(from\s*|require\()["'][^"']*\.ts["']/)
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs')
})
