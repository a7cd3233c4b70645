// `npm test`: every test (unit, corpus, property, then browser end-to-end), one closing count.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = mkdtempSync(join(tmpdir(), 'sigma-play-test-'))
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

let passed = 0
let failed = 0
const count = (file, read) => {
  if (!existsSync(file)) return false
  const [p, f] = read(JSON.parse(readFileSync(file, 'utf8')))
  passed += p
  failed += f
  return true
}

const vitestJson = join(out, 'vitest.json')
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--reporter=./test/corpus/skip-reporter.ts',
  `--outputFile.json=${vitestJson}`,
])
// A test file that fails to load fails no test, yet the run failed: count it as one.
const vitestCounted = count(vitestJson, (r) => [
  r.numPassedTests,
  Math.max(r.numFailedTests, r.success ? 0 : 1),
])
if (!vitestCounted && vitestStatus !== 0) failed += 1

let e2eStatus = run('node', ['scripts/ensure-chromium.mjs'])
if (e2eStatus === 0) e2eStatus = run('npx', ['vite', 'build', '--logLevel', 'warn'])
const pwJson = join(out, 'playwright.json')
if (e2eStatus === 0) e2eStatus = run('npx', ['playwright', 'test'], { PW_JSON_OUTPUT: pwJson })
const pwCounted = count(pwJson, (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected])
if (!pwCounted && e2eStatus !== 0) failed += 1

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || vitestStatus !== 0 || e2eStatus !== 0 ? 1 : 0)
