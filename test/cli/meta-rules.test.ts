/**
 * `sigma-play eval` with filter and correlation documents, and `check` on metadata and
 * placeholders, run as a subprocess on temp files.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ADMINS_FILTER, WHOAMI_RULE } from '../fixtures/whoami-filter.ts'
import { PLACEHOLDER_RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const example = (name: string) =>
  readFileSync(new URL(`../../src/examples/${name}`, import.meta.url), 'utf8')

const RULE = WHOAMI_RULE
const FILTER = ADMINS_FILTER
const EVENTS = [
  { Image: 'C:\\Windows\\whoami.exe', User: 'adm_bob' },
  { Image: 'C:\\Windows\\whoami.exe', User: 'alice' },
]

const dir = tempFiles({
  'rule.yml': RULE,
  'filter.yml': FILTER,
  'bad-filter.yml': FILTER.replace('User|startswith', 'User|nosuch'),
  'bundle.yml': `${RULE}---\n${FILTER}`,
  'events.json': JSON.stringify(EVENTS),
  'chain.yml': example('correlation-chain.yml'),
  'chain.events.json': example('correlation-chain.events.json'),
  'chain.events.utf16.json': '\ufeff' + example('correlation-chain.events.json'),
  'untimed.json': JSON.stringify([{ EventID: 4625, User: 'bob' }]),
  'drafty.yml': RULE.replace('level: low', 'level: severe'),
  'placeholder.yml': PLACEHOLDER_RULE,
})
const at = (name: string) => join(dir, name)
const lines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('filters', () => {
  test('a filter document in the rule file excludes the admin', () => {
    const r = runCli(['eval', '--rule', at('bundle.yml'), '--events', at('events.json')])
    expect(r.status).toBe(0)
    expect(lines(r.stdout).map((l) => l.match)).toEqual([false, true])
    expect(lines(r.stdout)[0]?.identifiers).toEqual({
      selection: true,
      'mf_admins › selection': true,
    })
  })
  test('--filter FILE applies a filter kept apart from the rule', () => {
    const args = ['eval', '--rule', at('rule.yml'), '--events', at('events.json')]
    expect(lines(runCli(args).stdout).map((l) => l.match)).toEqual([true, true])
    const filtered = runCli([...args, '--filter', at('filter.yml')])
    expect(lines(filtered.stdout).map((l) => l.match)).toEqual([false, true])
  })
  test("an error in a --filter file is printed against that file's line", () => {
    const r = runCli([
      'eval',
      '--rule',
      at('rule.yml'),
      '--events',
      at('events.json'),
      '--filter',
      at('bad-filter.yml'),
    ])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`${at('bad-filter.yml')}:8:14 error`)
    expect(r.stderr).toContain('UNKNOWN_MODIFIER')
  })
})

describe('correlations', () => {
  test('events saved as UTF-16 (PowerShell 5’s `>`) give the lines UTF-8 gives', () => {
    const utf16 = at('chain.events.utf16.json')
    writeFileSync(utf16, Buffer.from(readFileSync(utf16, 'utf8'), 'utf16le'))
    const run = (events: string) => runCli(['eval', '--rule', at('chain.yml'), '--events', events])
    const [utf8, fromUtf16] = [run(at('chain.events.json')), run(utf16)]
    expect(fromUtf16.stderr).toBe('')
    expect(fromUtf16.stdout).toBe(utf8.stdout)
    expect(utf8.stdout).toContain('"correlation":"multiple_failed_login"')
  })
  test("the specification's chain: per-event rules, then one line per alert", () => {
    const r = runCli(['eval', '--rule', at('chain.yml'), '--events', at('chain.events.json')])
    expect(r.status).toBe(0)
    const out = lines(r.stdout)
    expect(out[0]).toEqual({
      event: 0,
      match: true,
      rules: { failed_login: true, successful_login: false },
    })
    const alerts = out.filter((l) => 'correlation' in l)
    expect(alerts).toEqual([
      {
        correlation: 'multiple_failed_login',
        group: { User: 'bob' },
        events: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        first: '2024-05-01T10:00:00.000Z',
        last: '2024-05-01T10:04:30.000Z',
      },
      expect.objectContaining({
        correlation: 'Correlation - Multiple Failed Logins Followed by Successful Login',
        events: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      }),
    ])
  })
  test('--count adds "correlations"', () => {
    const r = runCli([
      'eval',
      '--rule',
      at('chain.yml'),
      '--events',
      at('chain.events.json'),
      '--count',
    ])
    expect(JSON.parse(r.stdout)).toEqual({ events: 19, matches: 19, correlations: 2 })
  })
  test('events without a time are named on stderr, never dropped silently', () => {
    const r = runCli(['eval', '--rule', at('chain.yml'), '--events', at('untimed.json')])
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/event 0 is left out of the correlations: it has none of the time/)
    expect(lines(r.stdout)).toHaveLength(1)
  })
})

describe('check', () => {
  test('invalid metadata is an error in check, yet eval still evaluates the rule', () => {
    const check = runCli(['check', at('drafty.yml')])
    expect(check.status).toBe(1)
    expect(check.stdout).toMatch(/drafty\.yml:\d+:\d+ error BAD_METADATA/)
    const r = runCli(['eval', '--rule', at('drafty.yml'), '--events', at('events.json')])
    expect(r.status).toBe(0)
    expect(lines(r.stdout).map((l) => l.match)).toEqual([true, true])
  })
  test('an |expand placeholder without values is a warning in check, an error in eval', () => {
    const check = runCli(['check', at('placeholder.yml')])
    expect(check.stdout).toMatch(/warning UNRESOLVED_PLACEHOLDER/)
    expect(check.status).toBe(0)
    const r = runCli(['eval', '--rule', at('placeholder.yml'), '--events', at('events.json')])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/error UNRESOLVED_PLACEHOLDER/)
  })
})
