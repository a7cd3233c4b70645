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
/** Names of the failed tests, repeated just above the closing count: CI logs keep the tail. */
const failures = []
const count = (file, read, names) => {
  if (!existsSync(file)) return false
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const [p, f] = read(report)
  passed += p
  failed += f
  failures.push(...names(report))
  return true
}

const vitestFailures = (r) =>
  r.testResults.flatMap((file) => {
    const where = file.name.replace(`${process.cwd()}/`, '')
    const failedTests = file.assertionResults.filter((t) => t.status === 'failed')
    if (failedTests.length === 0 && file.status === 'failed') return [`${where}: ${file.message}`]
    return failedTests.map((t) => `${where} › ${t.fullName}`)
  })

const playwrightFailures = (r) => {
  const walk = (suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => `${spec.file}:${spec.line} › ${spec.title}`),
    ...(suite.suites ?? []).flatMap(walk),
  ]
  return r.suites.flatMap(walk)
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
const vitestCounted = count(
  vitestJson,
  (r) => [r.numPassedTests, Math.max(r.numFailedTests, r.success ? 0 : 1)],
  vitestFailures,
)
if (!vitestCounted && vitestStatus !== 0) failed += 1

let e2eStatus = run('node', ['scripts/ensure-chromium.mjs'])
if (e2eStatus === 0) e2eStatus = run('npx', ['vite', 'build', '--logLevel', 'warn'])
const pwJson = join(out, 'playwright.json')
if (e2eStatus === 0) e2eStatus = run('npx', ['playwright', 'test'], { PW_JSON_OUTPUT: pwJson })
const pwCounted = count(
  pwJson,
  (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected],
  playwrightFailures,
)
if (!pwCounted && e2eStatus !== 0) failed += 1

if (failures.length > 0) console.log(['Failed:', ...failures.map((f) => `  ${f}`)].join('\n'))
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || vitestStatus !== 0 || e2eStatus !== 0 ? 1 : 0)
