/** `sigma-play eval`, run as a subprocess on temp files: the contract outside checks rely on. */
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { describe, expect, test } from 'vitest'
import {
  BROKEN_RULE,
  EVENTS,
  EVTX_DUMP_TEXT,
  EXPECTED_LINES,
  PLACEHOLDER_RULE,
  RULE,
} from './fixtures.ts'
import { BIN, runCli, tempFiles } from './run-cli.ts'

const dir = tempFiles({
  'rule.yml': RULE,
  'broken.yml': BROKEN_RULE,
  'placeholder.yml': PLACEHOLDER_RULE,
  'array.json': JSON.stringify(EVENTS, null, 2),
  'object.json': JSON.stringify(EVENTS[0]),
  'events.ndjson': EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n',
  'evtx.json': EVTX_DUMP_TEXT,
  'truncated.json': '[\n  {"Image": "a.exe"},\n  {"Image": \n',
  'not-json.txt': 'Image=rundll32.exe\n',
})
const at = (name: string) => join(dir, name)
const evalArgs = (events: string, ...more: string[]) => [
  'eval',
  '--rule',
  at('rule.yml'),
  '--events',
  events,
  ...more,
]

describe('events in every form give one JSON line per event, in order', () => {
  test.each([
    ['a JSON array', 'array.json'],
    ['NDJSON', 'events.ndjson'],
    ['evtx_dump concatenated objects', 'evtx.json'],
  ])('%s', (_, file) => {
    const { status, stdout, stderr } = runCli(evalArgs(at(file)))
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toBe(EXPECTED_LINES.join('\n') + '\n')
  })

  test('a single object', () => {
    const { status, stdout } = runCli(evalArgs(at('object.json')))
    expect(status).toBe(0)
    expect(stdout).toBe(EXPECTED_LINES[0] + '\n')
  })

  test('stdin with --events -', () => {
    const { status, stdout } = runCli(evalArgs('-'), { input: JSON.stringify(EVENTS) })
    expect(status).toBe(0)
    expect(stdout).toBe(EXPECTED_LINES.join('\n') + '\n')
  })
})

test('--count prints only the totals', () => {
  const { status, stdout } = runCli(evalArgs(at('array.json'), '--count'))
  expect(status).toBe(0)
  expect(stdout).toBe('{"events":3,"matches":1}\n')
})

test('--stats adds one line on stderr and leaves the output as it was', () => {
  const { status, stdout, stderr } = runCli(evalArgs(at('events.ndjson'), '--stats'))
  expect(status).toBe(0)
  expect(stdout).toBe(EXPECTED_LINES.join('\n') + '\n')
  expect(stderr).toMatch(
    /^sigma-play: stats: 1 rule compiled in \d+\.\d{3} s; 3 events evaluated in \d+\.\d{3} s \(\d+ events\/s\)\n$/,
  )
  const rules = runCli(['eval', '--rules', at('rule.yml'), '--events', at('array.json'), '--stats'])
  expect(rules.stderr).toMatch(/: stats: 1 rule compiled in .*; 3 events evaluated in /)
  // Two rules in one file are read whole, not streamed: the line is the same.
  const two = tempFiles({
    'two.yml': `${RULE}\n---\n${RULE.replace(/^title: .*$/m, 'title: Again')}`,
  })
  const both = runCli([
    'eval',
    '--rule',
    join(two, 'two.yml'),
    '--events',
    at('array.json'),
    '--stats',
  ])
  expect(both.status).toBe(0)
  expect(both.stderr).toMatch(/: stats: 2 rules compiled in .*; 3 events evaluated in /)
})

test('--explain adds a trace that agrees with the verdict', () => {
  const { status, stdout } = runCli(evalArgs(at('evtx.json'), '--explain'))
  expect(status).toBe(0)
  const lines = stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line))
  expect(
    lines.map(({ event, match, identifiers }) => JSON.stringify({ event, match, identifiers })),
  ).toEqual(EXPECTED_LINES)
  for (const line of lines) {
    expect(Object.keys(line)).toEqual(['event', 'match', 'identifiers', 'trace'])
    expect(line.trace.match).toBe(line.match)
    expect(line.trace.identifiers).toEqual(line.identifiers)
    expect(line.trace.searches.map((s: { name: string }) => s.name)).toEqual([
      'selection',
      'filter_main_local_ranges',
    ])
  }
  // The trace names where the flattened value came from.
  expect(JSON.stringify(lines[0].trace)).toContain('Event.EventData.Image')
})

test('a rule with errors prints FILE:LINE:COL error CODE message and exits 2', () => {
  const { status, stdout, stderr } = runCli([
    'eval',
    '--rule',
    at('broken.yml'),
    '--events',
    at('array.json'),
  ])
  expect(status).toBe(2)
  expect(stdout).toBe('')
  const lines = stderr.trimEnd().split('\n')
  for (const line of lines) {
    expect(line).toMatch(/^\S+broken\.yml:\d+:\d+ error [A-Z_]+ \S.*$/)
  }
  const byCode = Object.fromEntries(
    lines.map((line) => {
      const [, lineNo, code] = line.match(/:(\d+):\d+ error ([A-Z_]+)/) ?? []
      return [code, Number(lineNo)]
    }),
  )
  expect(byCode.UNKNOWN_MODIFIER).toBe(9)
  expect(byCode.UNDEFINED_IDENTIFIER).toBe(11)
  expect(lines.some((line) => / warning /.test(line))).toBe(false)
})

describe('unreadable or malformed events exit 2 with a clear message', () => {
  test('truncated JSON names the file and the line:col of the problem, and keeps the good events', () => {
    const { status, stdout, stderr } = runCli(evalArgs(at('truncated.json')))
    expect(status).toBe(2)
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).event),
    ).toEqual([0])
    expect(stderr).toMatch(/truncated\.json:\d+:\d+ /)
  })

  test('text that is not JSON at all', () => {
    const { status, stderr } = runCli(evalArgs(at('not-json.txt')))
    expect(status).toBe(2)
    expect(stderr).toMatch(/not-json\.txt:1:1 /)
  })

  test('a missing events file', () => {
    const { status, stderr } = runCli(evalArgs(at('nope.json')))
    expect(status).toBe(2)
    expect(stderr).toContain('nope.json')
  })

  test('a missing rule file', () => {
    const { status, stderr } = runCli([
      'eval',
      '--rule',
      at('nope.yml'),
      '--events',
      at('array.json'),
    ])
    expect(status).toBe(2)
    expect(stderr).toContain('nope.yml')
  })
})

test('--placeholder fills |expand placeholders', () => {
  const events = JSON.stringify([{ User: 'BOB' }, { User: 'mallory' }])
  const { status, stdout, stderr } = runCli(
    ['eval', '--rule', at('placeholder.yml'), '--events', '-', '--placeholder', 'admins=alice,bob'],
    { input: events },
  )
  expect(stderr).toBe('')
  expect(status).toBe(0)
  expect(
    stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).match),
  ).toEqual([true, false])
})

describe('arguments', () => {
  test('--help prints usage and exits 0', () => {
    const { status, stdout } = runCli(['--help'])
    expect(status).toBe(0)
    expect(stdout).toContain('sigma-play eval --rule RULE.yml --events EVENTS')
  })

  test.each([
    [['eval', '--rule', 'x.yml', '--events', 'y.json', '--bogus']],
    [['eval', '--rule', 'x.yml']],
    [['frobnicate']],
    [[]],
    [['check']],
  ])('%j gives usage on stderr and exit 2', (args) => {
    const { status, stdout, stderr } = runCli(args)
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('Usage:')
  })

  test('works from another working directory with relative paths', () => {
    const { status, stdout } = runCli(['eval', '--rule', 'rule.yml', '--events', 'array.json'], {
      cwd: dir,
    })
    expect(status).toBe(0)
    expect(stdout).toBe(EXPECTED_LINES.join('\n') + '\n')
    expect(runCli(['--help'], { cwd: tmpdir() }).status).toBe(0)
    expect(BIN.endsWith('bin/sigma-play.js')).toBe(true)
  })
})
