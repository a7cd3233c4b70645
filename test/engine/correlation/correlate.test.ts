/**
 * Correlations, every type, with events just inside and just outside each timespan and
 * threshold. Rules are the specification's examples (or written after them), as facts.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileSet, runSet } from '../../../src/engine/index.ts'
import { dedent } from '../../helpers/dedent.ts'
import { FAILED_LOGON_RULE, SUCCESSFUL_LOGON_RULE } from '../../fixtures/logon-rules.ts'

const T0 = Date.parse('2024-05-01T10:00:00Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString()

const FAILED = FAILED_LOGON_RULE
const OK = SUCCESSFUL_LOGON_RULE

function correlation(body: string): string {
  return `title: Test correlation\nname: corr\ncorrelation:\n${body
    .trim()
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n')}\n`
}

function run(docs: string[], events: unknown[], timeField?: string) {
  const set = compileSet(docs.join('---\n'))
  expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return runSet(set, events, timeField ? { timeField } : {})
}

const failed = (s: number, user = 'bob', extra: object = {}) => ({
  '@timestamp': at(s),
  EventID: 4625,
  User: user,
  ...extra,
})
const ok = (s: number, user = 'bob') => ({ '@timestamp': at(s), EventID: 4624, User: user })

const EVENT_COUNT = correlation(`
type: event_count
rules: failed_login
group-by: [User]
timespan: 5m
condition: {gte: 3}
`)

describe('event_count', () => {
  test('three failures within 5m fire, with the events and times', () => {
    const r = run([EVENT_COUNT, FAILED], [failed(0), failed(100), failed(300)])
    expect(r.alerts).toEqual([
      expect.objectContaining({
        correlation: 'corr',
        group: { User: 'bob' },
        events: [0, 1, 2],
        first: at(0),
        last: at(300),
        value: 3,
      }),
    ])
  })
  test('just outside the timespan (5m + 1s) does not fire, and says why', () => {
    const r = run([EVENT_COUNT, FAILED], [failed(0), failed(100), failed(301)])
    expect(r.alerts).toEqual([])
    expect(r.groups[0]?.why).toBe('count 2 of 3 within 5m at best; the condition is gte 3')
  })
  test('just under the threshold does not fire; groups are kept apart', () => {
    const r = run([EVENT_COUNT, FAILED], [failed(0), failed(1), failed(2, 'alice'), ok(3)])
    expect(r.alerts).toEqual([])
    expect(r.groups.map((g) => [g.group, g.events])).toEqual([
      [{ User: 'bob' }, [0, 1]],
      [{ User: 'alice' }, [2]],
    ])
  })
  test('windows slide: the burst in the middle fires though no fixed 5m bucket holds it', () => {
    const r = run([EVENT_COUNT, FAILED], [failed(0), failed(280), failed(320), failed(400)])
    expect(r.alerts.map((a) => a.events)).toEqual([[1, 2, 3]])
  })
  test('one alert per group and window: six failures in a burst are two alerts', () => {
    const events = [0, 1, 2, 3, 4, 5].map((s) => failed(s))
    expect(run([EVENT_COUNT, FAILED], events).alerts.map((a) => a.events)).toEqual([
      [0, 1, 2, 3, 4, 5],
    ])
    const spread = [0, 1, 2, 400, 401, 402].map((s) => failed(s))
    expect(run([EVENT_COUNT, FAILED], spread).alerts.map((a) => a.events)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ])
  })
  test.each([
    ['gt: 2', 3, true],
    ['gt: 3', 3, false],
    ['lte: 3', 3, true],
    ['lt: 3', 3, false],
    ['eq: 3', 3, true],
    ['neq: 3', 3, false],
  ])('condition %s on a count of %i', (condition, n, fires) => {
    const body = EVENT_COUNT.replace('{gte: 3}', `{${condition}}`)
    const events = Array.from({ length: n }, (_, i) => failed(i))
    expect(run([body, FAILED], events).alerts.length > 0).toBe(fires)
  })
})

describe('value_count', () => {
  const VALUE_COUNT = correlation(`
type: value_count
rules: [failed_login]
group-by: [IpAddress]
timespan: 1h
condition: {field: User, gte: 3}
`)
  const from = (s: number, user: string) => failed(s, user, { IpAddress: '10.0.0.9' })
  test('three distinct users from one address within 1h fire; repeats do not count', () => {
    const fires = run([VALUE_COUNT, FAILED], [from(0, 'a'), from(10, 'b'), from(3600, 'c')])
    expect(fires.alerts[0]).toMatchObject({ group: { IpAddress: '10.0.0.9' }, value: 3 })
    const repeats = run([VALUE_COUNT, FAILED], [from(0, 'a'), from(10, 'a'), from(20, 'b')])
    expect(repeats.alerts).toEqual([])
    const late = run([VALUE_COUNT, FAILED], [from(0, 'a'), from(10, 'b'), from(3601, 'c')])
    expect(late.alerts).toEqual([])
  })
})

describe('value_sum, value_avg, value_percentile, value_median', () => {
  const WEB = dedent`
    title: Website access
    name: website_access
    logsource: {category: proxy}
    detection:
        selection:
            method: POST
        condition: selection
  `
  const post = (s: number, bytes: number | string) => ({
    '@timestamp': at(s),
    method: 'POST',
    SourceIP: '10.1.1.1',
    bytes_sent: bytes,
  })
  const aggregate = (type: string, condition: string) =>
    correlation(`
type: ${type}
rules: [website_access]
group-by: [SourceIP]
timespan: 1h
condition: {field: bytes_sent, ${condition}}
`)
  test.each([
    ['value_sum', 'gt: 1000', [600, '401'], true],
    ['value_sum', 'gt: 1000', [600, 400], false],
    ['value_avg', 'gt: 500', [600, 401], true],
    ['value_avg', 'gt: 500', [600, 400], false],
    ['value_percentile', 'percentile: 50, gte: 400', [100, 400, 900], true],
    ['value_percentile', 'percentile: 50, gte: 401', [100, 400, 900], false],
    ['value_median', 'lte: 400', [100, 400, 900], true],
    ['value_median', 'lt: 400', [100, 400, 900], false],
  ])('%s %s over %j fires: %s', (type, condition, values, fires) => {
    const events = values.map((v, i) => post(i * 60, v))
    expect(run([aggregate(type, condition), WEB], events).alerts.length > 0).toBe(fires)
  })
  test('values just outside the timespan are not summed', () => {
    const r = run([aggregate('value_sum', 'gt: 1000'), WEB], [post(0, 600), post(3601, 600)])
    expect(r.alerts).toEqual([])
    expect(r.groups[0]?.why).toBe(
      'value sum 600 of more than 1000 within 1h at best; the condition is gt 1000',
    )
  })
})

describe('temporal and temporal_ordered', () => {
  const temporal = (type: string) =>
    correlation(`
type: ${type}
rules: [failed_login, successful_login]
group-by: [User]
timespan: 1m
`)
  test('temporal: both rules within the timespan, in any order', () => {
    expect(run([temporal('temporal'), FAILED, OK], [ok(0), failed(60)]).alerts).toHaveLength(1)
    const late = run([temporal('temporal'), FAILED, OK], [ok(0), failed(100)])
    expect(late.alerts).toEqual([])
    expect(late.groups[0]?.why).toMatch(/^outside the timespan by 40 s/)
  })
  test('temporal: a rule that never matched in the group is named', () => {
    const r = run([temporal('temporal'), FAILED, OK], [failed(0)])
    expect(r.groups[0]?.why).toBe('no event of `successful_login` in this group')
  })
  test('temporal_ordered: the listed order is required', () => {
    const inOrder = run([temporal('temporal_ordered'), FAILED, OK], [failed(0), ok(59)])
    expect(inOrder.alerts).toHaveLength(1)
    const reversed = run([temporal('temporal_ordered'), FAILED, OK], [ok(0), failed(10)])
    expect(reversed.alerts).toEqual([])
    expect(reversed.groups[0]?.why).toBe('`successful_login` came before `failed_login`')
  })
  test('aliases compare different fields of different rules', () => {
    const aliased = correlation(`
type: temporal
rules: [failed_login, successful_login]
group-by: [account]
timespan: 1m
aliases:
    account:
        failed_login: TargetUserName
        successful_login: SubjectUserName
`)
    const events = [
      { '@timestamp': at(0), EventID: 4625, TargetUserName: 'bob' },
      { '@timestamp': at(5), EventID: 4624, SubjectUserName: 'bob' },
      { '@timestamp': at(6), EventID: 4624, SubjectUserName: 'eve' },
    ]
    const r = run([aliased, FAILED, OK], events)
    expect(r.alerts).toEqual([
      expect.objectContaining({ group: { account: 'bob' }, events: [0, 1] }),
    ])
  })
})

describe('chains, time fields and untimed events', () => {
  const chain = readFileSync(
    new URL('../../../src/examples/correlation-chain.yml', import.meta.url),
    'utf8',
  )
  const events = JSON.parse(
    readFileSync(
      new URL('../../../src/examples/correlation-chain.events.json', import.meta.url),
      'utf8',
    ),
  ) as unknown[]
  test("the specification's chain: ten failures then a success fires for bob only", () => {
    const set = compileSet(chain)
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const r = runSet(set, events)
    expect(r.alerts.map((a) => [a.correlation, a.group])).toEqual([
      ['multiple_failed_login', { User: 'bob' }],
      ['Correlation - Multiple Failed Logins Followed by Successful Login', { User: 'bob' }],
    ])
    expect(r.alerts[1]?.events).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const alice = r.groups.find(
      (g) => g.correlation === 'multiple_failed_login' && g.group.User === 'alice',
    )
    expect(alice?.why).toBe('count 7 of 10 within 10m at best; the condition is gte 10')
  })
  test.each([
    [{ timestamp: '2024-05-01T10:00:00.000+02:00' }, Date.parse('2024-05-01T08:00:00Z')],
    [{ UtcTime: '2024-05-01 10:00:00.123' }, Date.parse('2024-05-01T10:00:00.123Z')],
    [
      {
        Event: {
          System: {
            TimeCreated: { '#attributes': { SystemTime: '2024-05-01T10:00:00.1234567Z' } },
          },
        },
      },
      Date.parse('2024-05-01T10:00:00.123Z'),
    ],
    [{ _time: 1714557600 }, Date.parse('2024-05-01T10:00:00Z')],
  ])('the time is read from %j', (event, ms) => {
    const r = run(
      [EVENT_COUNT.replace('{gte: 3}', '{gte: 1}'), FAILED],
      [{ ...event, EventID: 4625, User: 'x' }],
    )
    expect(r.alerts[0]?.firstMs).toBe(ms)
  })
  test('events without a time, or with one that does not parse, are reported', () => {
    const events = [
      failed(0),
      { EventID: 4625, User: 'bob' },
      { EventID: 4625, User: 'bob', '@timestamp': 'soon' },
    ]
    const r = run([EVENT_COUNT, FAILED], events)
    expect(r.untimed).toEqual([1, 2])
    expect(r.untimedReasons[1]).toMatch(/none of the time fields/)
    expect(r.untimedReasons[2]).toMatch(/'soon' is not a time/)
  })
  test('a named time field is used instead of the usual ones', () => {
    const events = [{ EventID: 4625, User: 'b', when: at(0), '@timestamp': 'garbage' }]
    const r = run([EVENT_COUNT.replace('{gte: 3}', '{gte: 1}'), FAILED], events, 'when')
    expect(r.alerts[0]?.first).toBe(at(0))
  })
})

describe('correlation documents that cannot be evaluated are errors with ranges', () => {
  test.each([
    [
      'type: nope\nrules: [failed_login]\ntimespan: 5m\ncondition: {gte: 1}',
      'CORRELATION_SYNTAX',
      'nope',
    ],
    [
      'type: event_count\nrules: [nosuch]\ntimespan: 5m\ncondition: {gte: 1}',
      'RULE_NOT_FOUND',
      'nosuch',
    ],
    [
      'type: event_count\nrules: [failed_login]\ntimespan: 5 minutes\ncondition: {gte: 1}',
      'CORRELATION_SYNTAX',
      '5 minutes',
    ],
    ['type: event_count\nrules: [failed_login]\ntimespan: 5m', 'CORRELATION_SYNTAX', 'correlation'],
    [
      'type: event_count\nrules: [failed_login]\ntimespan: 5m\ncondition: {gt: 1, lte: 5}',
      'CORRELATION_SYNTAX',
      '{gt: 1, lte: 5}',
    ],
    [
      'type: value_count\nrules: [failed_login]\ntimespan: 5m\ncondition: {gt: 1}',
      'CORRELATION_SYNTAX',
      '{gt: 1}',
    ],
  ])('%s', (body, code, text) => {
    const source = [correlation(body), FAILED].join('---\n')
    const d = compileSet(source).diagnostics.find((x) => x.code === code)
    expect(d?.severity).toBe('error')
    expect(source.slice(...d!.range)).toBe(text)
  })
  test('pySigma units w, M, y are accepted with a warning', () => {
    const source = [
      correlation(
        'type: event_count\nrules: [failed_login]\ngroup-by: User\ntimespan: 1w\ncondition: {gte: 1}',
      ),
      FAILED,
    ].join('---\n')
    const codes = compileSet(source).diagnostics.filter((d) => d.code.startsWith('CORRELATION'))
    expect(codes.map((d) => [d.code, d.severity])).toEqual([['CORRELATION_EXTENSION', 'warning']])
  })
  test('no group-by is accepted as pySigma does (one group), with a warning that says so', () => {
    const source = [
      correlation('type: event_count\nrules: [failed_login]\ntimespan: 5m\ncondition: {gte: 2}'),
      FAILED,
    ].join('---\n')
    const set = compileSet(source)
    const notes = set.diagnostics.filter((d) => d.code === 'CORRELATION_EXTENSION')
    expect(notes.map((d) => d.message)).toEqual([expect.stringMatching(/^No `group-by`/)])
    expect(runSet(set, [failed(0, 'bob'), failed(10, 'alice')]).alerts).toHaveLength(1)
  })
})
