/** The CLI runs as one bundled JavaScript file: no TypeScript compiler at run time, never stale. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BUNDLE = join(ROOT, 'dist-cli/sigma-play.mjs')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

test('the bundle is newer than every source file it is built from', () => {
  const built = statSync(BUNDLE).mtimeMs
  for (const dir of ['src/cli', 'src/engine', 'src/worker'])
    expect(built).toBeGreaterThanOrEqual(newestSource(join(ROOT, dir)))
})

test('bin/sigma-play.js loads the bundle, not TypeScript through tsx', () => {
  const bin = readFileSync(join(ROOT, 'bin/sigma-play.js'), 'utf8')
  expect(bin).toContain('../dist-cli/sigma-play.mjs')
  expect(bin).not.toMatch(/tsx|\.ts['"]/)
  expect(readFileSync(BUNDLE, 'utf8')).not.toMatch(/from\s*["'][^"']*\.ts["']/)
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs')
})
