/** `sigma-play eval` on SIEM exports: the same lines as for flat events, with no flags. */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import {
  csvForm,
  elasticHit,
  elasticResponse,
  splunkLine,
  splunkResults,
  winlogbeatForm,
} from '../engine/events/shape-forms.ts'
import { EVENTS, EXPECTED_LINES, RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const winlogbeat = EVENTS.map(winlogbeatForm)
const ndjson = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n'

const dir = tempFiles({
  'rule.yml': RULE,
  'winlogbeat.ndjson': ndjson(winlogbeat),
  'hits.ndjson': ndjson(winlogbeat.map(elasticHit)),
  'search.json': JSON.stringify(elasticResponse(winlogbeat), null, 2),
  'splunk.ndjson': ndjson(EVENTS.map(splunkLine)),
  'splunk.json': JSON.stringify(splunkResults(EVENTS)),
  'export.csv': csvForm(EVENTS),
})
const evalLines = (file: string, ...more: string[]) =>
  runCli(['eval', '--rule', join(dir, 'rule.yml'), '--events', join(dir, file), ...more])

test.each([
  'winlogbeat.ndjson',
  'hits.ndjson',
  'search.json',
  'splunk.ndjson',
  'splunk.json',
  'export.csv',
])('%s gives the flat events’ lines', (file) => {
  const result = evalLines(file)
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  expect(result.stdout.trimEnd().split('\n')).toEqual(EXPECTED_LINES)
})

test('--shape flat reads Winlogbeat events as they are: the rule finds no Image', () => {
  const result = evalLines('winlogbeat.ndjson', '--shape', 'flat', '--count')
  expect(result.stdout).toBe('{"events":3,"matches":0}\n')
})

test('--shape with an unknown name is a usage error', () => {
  const result = evalLines('winlogbeat.ndjson', '--shape', 'splunk')
  expect(result.status).toBe(2)
  expect(result.stderr).toContain("--shape expects one of flat, evtx, winlogbeat, got 'splunk'")
})

test('a broken CSV row is reported at its line and column', () => {
  const bad = tempFiles({ 'bad.csv': 'Image,DestinationIp\n"a.exe"x,1\n' })
  const result = runCli(['eval', '--rule', join(dir, 'rule.yml'), '--events', join(bad, 'bad.csv')])
  expect(result.status).toBe(2)
  expect(result.stderr).toMatch(/bad\.csv:2:8 error malformed events: Invalid CSV/)
})
