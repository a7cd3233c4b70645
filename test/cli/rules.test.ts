/**
 * `eval --rules PATH...`: every rule over the events, one line per hit or per-rule counts;
 * rules with errors reported and skipped; hits equal to running each rule alone.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { compileRule, evaluate, parseEvents } from '../../src/engine/index.ts'
import { readRegressionIndex, SIGMAHQ_DIR } from '../corpus/corpus-files.ts'
import { readsCorpus } from '../corpus/corpus-test.ts'
import { BROKEN_RULE, EVENTS, RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const ID = '0d6a1f7e-5b0c-4a55-9a43-1d2f3b4c5d6e'
const HIT = (event: number) =>
  JSON.stringify({
    event,
    rule: ID,
    title: 'Rundll32 talking to a public address',
    level: 'medium',
  })

const dir = tempFiles({
  'rules/good.yml': RULE,
  'rules/nested/broken.yml': BROKEN_RULE,
  'events.ndjson': EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n',
})
const at = (name: string) => join(dir, name)

test('a line per hit; the broken rule is reported on stderr and skipped', () => {
  const { status, stdout, stderr } = runCli([
    'eval',
    '--rules',
    at('rules'),
    '--events',
    at('events.ndjson'),
  ])
  expect(stdout).toBe(HIT(0) + '\n')
  expect(stderr).toMatch(/broken\.yml:9:\d+ error UNKNOWN_MODIFIER /)
  expect(status).toBe(0)
})

test('--count: events, rules, hits and hits by rule', () => {
  const { status, stdout } = runCli([
    'eval',
    '--rules',
    at('rules/good.yml'),
    '--events',
    at('events.ndjson'),
    '--count',
  ])
  expect(status).toBe(0)
  expect(stdout).toBe(`{"events":3,"rules":1,"hits":1,"by_rule":{"${ID}":1}}\n`)
})

describe('SigmaHQ rules over the regression events', readsCorpus, () => {
  test('the Windows process-creation folder: hits equal each rule evaluated alone', () => {
    const folder = join(SIGMAHQ_DIR, 'rules/windows/process_creation')
    const index = readRegressionIndex<{ events: string }>()
    const values = [...new Set(index.map((entry) => entry.events))].flatMap((file) =>
      parseEvents(readFileSync(join(SIGMAHQ_DIR, file), 'utf8')).events.map((r) => r.value),
    )
    writeFileSync(at('corpus.ndjson'), values.map((v) => JSON.stringify(v)).join('\n') + '\n')
    const { status, stdout } = runCli(['eval', '--rules', folder, '--events', at('corpus.ndjson')])
    expect(status).toBe(0)
    const got = stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const { event, rule } = JSON.parse(line)
        return `${event} ${rule}`
      })

    const rules = readdirSync(folder)
      .filter((name) => name.endsWith('.yml'))
      .sort()
      .flatMap((name) => {
        const { rule } = compileRule(readFileSync(join(folder, name), 'utf8'))
        return rule ? [rule] : []
      })
    const expected = values.flatMap((value, event) =>
      rules.flatMap((rule) => (evaluate(rule, value) ? [`${event} ${rule.meta.id}`] : [])),
    )
    expect(expected.length).toBeGreaterThan(50)
    expect(got).toEqual(expected)
  }, 300_000)
})
