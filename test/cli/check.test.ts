/** `sigma-play check`, run as a subprocess: files and folders, diagnostics, summary, exit code. */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SIGMAHQ_DIR } from '../corpus/corpus-files.ts'
import { readsCorpus } from '../corpus/corpus-test.ts'
import { BROKEN_RULE, RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const SUMMARY = /^(\d+) rules?, (\d+) errors?, (\d+) warnings?$/

const dir = tempFiles({
  'good.yml': RULE,
  'nested/deeper/good-too.yaml': RULE,
  'nested/bad.yml': BROKEN_RULE,
  'nested/notes.txt': 'not a rule',
})

function summaryOf(stdout: string) {
  const last = stdout.trimEnd().split('\n').at(-1) ?? ''
  const [, rules, errors, warnings] = last.match(SUMMARY) ?? []
  return { rules: Number(rules), errors: Number(errors), warnings: Number(warnings), last }
}

test('a folder with a good and a bad rule: diagnostics, summary, exit 1', () => {
  const { status, stdout } = runCli(['check', dir])
  expect(status).toBe(1)
  const lines = stdout.trimEnd().split('\n')
  const summary = summaryOf(stdout)
  expect(summary.last).toMatch(SUMMARY)
  expect(summary.rules).toBe(3)
  expect(summary.errors).toBeGreaterThanOrEqual(2)

  const diagnostics = lines.slice(0, -1)
  for (const line of diagnostics) {
    expect(line).toMatch(/^\S+\.ya?ml:\d+:\d+ (error|warning|info) [A-Z_]+ \S.*$/)
  }
  const errors = diagnostics.filter((line) => / error /.test(line))
  expect(errors.length).toBe(summary.errors)
  expect(errors.every((line) => line.startsWith(join(dir, 'nested/bad.yml') + ':'))).toBe(true)
  expect(errors.some((line) => /:9:\d+ error UNKNOWN_MODIFIER /.test(line))).toBe(true)
  expect(diagnostics.filter((line) => / warning /.test(line)).length).toBe(summary.warnings)
})

test('good rules only: exit 0', () => {
  const { status, stdout } = runCli(['check', join(dir, 'good.yml'), join(dir, 'nested/deeper')])
  expect(status).toBe(0)
  expect(summaryOf(stdout)).toMatchObject({ rules: 2, errors: 0 })
})

test('a missing path is an argument error', () => {
  const { status, stderr } = runCli(['check', join(dir, 'missing')])
  expect(status).toBe(2)
  expect(stderr).toContain('missing')
})

test('a real corpus folder checks clean', readsCorpus, () => {
  const folder = join(SIGMAHQ_DIR, 'rules/windows/network_connection')
  const count = readdirSync(folder).filter((name) => name.endsWith('.yml')).length
  const { status, stdout } = runCli(['check', folder])
  expect(summaryOf(stdout)).toMatchObject({ rules: count, errors: 0 })
  expect(status).toBe(0)
})

test('the whole corpus, placeholder rules aside, checks with zero errors', readsCorpus, () => {
  const folders = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-compliance']
  // Two CVE-2026-54121 rules outside rules-placeholder use `|expand: '%known_cdcs%'`.
  const placeholder = ['--placeholder', 'known_cdcs=CDC01,CDC02']
  const paths = folders.map((f) => join(SIGMAHQ_DIR, f))
  const { status, stdout } = runCli(['check', ...placeholder, ...paths])
  expect(summaryOf(stdout)).toMatchObject({ rules: 3780 - 23, errors: 0 })
  expect(status).toBe(0)
})
