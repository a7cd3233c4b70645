/**
 * `sigma-play eval` on SIEM exports and Windows event XML: the same lines as for flat events,
 * with no flags.
 */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import {
  csvForm,
  elasticHit,
  elasticResponse,
  splunkLine,
  splunkRawForm,
  splunkResults,
  networkEventXml,
  savedXmlFile,
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
  'events.xml': savedXmlFile(EVENTS.map(networkEventXml)),
  'splunk-raw.ndjson': ndjson(EVENTS.map(splunkRawForm).map(splunkLine)),
  'splunk-raw.csv': csvForm(EVENTS.map(splunkRawForm)),
})
const evalLines = (file: string, ...more: string[]) =>
  runCli([
    'eval',
    '--rule',
    join(dir, 'rule.yml'),
    '--events',
    file.startsWith('/') ? file : join(dir, file),
    ...more,
  ])

test.each([
  'winlogbeat.ndjson',
  'hits.ndjson',
  'search.json',
  'splunk.ndjson',
  'splunk.json',
  'events.xml',
  'splunk-raw.ndjson',
  'splunk-raw.csv',
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
  expect(result.stderr).toMatch(/bad\.csv:2:8 error EVENTS_SYNTAX malformed events: Invalid CSV/)
})

test('broken Windows event XML is reported at its line and column; later events still run', () => {
  const bad = tempFiles({
    'bad.xml':
      '<Events>\n<Event><EventData><Data Name="Image">a.exe</Dat></EventData></Event>\n' +
      '<Event><EventData><Data Name="Image">C:\\x\\rundll32.exe</Data></EventData></Event>\n</Events>\n',
  })
  const result = runCli(['eval', '--rule', join(dir, 'rule.yml'), '--events', join(bad, 'bad.xml')])
  expect(result.status).toBe(2)
  expect(result.stderr).toMatch(
    /bad\.xml:2:43 error EVENTS_SYNTAX malformed events: Invalid XML: <\/Dat> closes <Data>/,
  )
  expect(result.stdout).toBe(
    '{"event":0,"match":true,"identifiers":{"selection":true,"filter_main_local_ranges":false}}\n',
  )
})

/** A filter for RULE that leaves EVENTS' verdicts as they are: it names an address none has. */
const FILTER_ONE_RESOLVER = `title: Not the resolver
logsource:
    category: network_connection
    product: windows
filter:
    rules:
        - 0d6a1f7e-5b0c-4a55-9a43-1d2f3b4c5d6e
    selection:
        DestinationIp: 1.1.1.1
    condition: not selection
`

/** EVENTS in Elastic Common Schema: what the built-in ECS pipeline is chosen for. */
const ECS_EVENTS = EVENTS.map((e) => ({
  '@timestamp': '2024-05-01T10:00:00Z',
  process: { executable: e.Image },
  destination: { ip: e.DestinationIp },
}))
const pipelineDir = tempFiles({
  'ecs.ndjson': ndjson(ECS_EVENTS),
  'mine.yml':
    'name: mine\ntransformations:\n  - type: field_name_mapping\n    mapping:\n      Image: exe\n',
  'bad.yml': 'name: bad\ntransformations:\n  - type: value_placeholders\n',
  'exe.ndjson': ndjson(EVENTS.map((e) => ({ exe: e.Image, DestinationIp: e.DestinationIp }))),
  'mixed.ndjson': ndjson(EVENTS.flatMap((e, i) => [e, ECS_EVENTS[i]])),
  'filter.yml': FILTER_ONE_RESOLVER,
})
const EXPECTED_MATCHES = EXPECTED_LINES.map((line) => JSON.parse(line).match as boolean)
const inPipelineDir = (name: string) => join(pipelineDir, name)

test('ECS events are read through the ECS pipeline with no flags, one rule or many', () => {
  const single = evalLines(inPipelineDir('ecs.ndjson'))
  expect(single.stdout.trimEnd().split('\n')).toEqual(EXPECTED_LINES)
  const set = runCli([
    'eval',
    '--rules',
    join(dir, 'rule.yml'),
    '--events',
    inPipelineDir('ecs.ndjson'),
    '--count',
  ])
  expect(JSON.parse(set.stdout)).toMatchObject({ events: 3, hits: 1 })
  // Several documents (here the rule and a filter) are read whole: the commonest shape decides.
  const withFilter = runCli([
    'eval',
    '--rule',
    join(dir, 'rule.yml'),
    '--filter',
    inPipelineDir('filter.yml'),
    '--events',
    inPipelineDir('ecs.ndjson'),
    '--count',
  ])
  expect(withFilter.stderr).toBe('')
  expect(withFilter.stdout).toBe('{"events":3,"matches":1}\n')
})

test('in a stream of mixed shapes each event is read as its own shape', () => {
  const mixed = evalLines(inPipelineDir('mixed.ndjson'))
  expect(
    mixed.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).match),
  ).toEqual(EXPECTED_MATCHES.flatMap((match) => [match, match]))
})

test("Splunk's EventCode events are routed by it with --logsource-only, no flags", () => {
  const csv = [
    '_time,LogName,EventCode,Image,DestinationIp',
    '2024-05-01T10:00:00Z,Microsoft-Windows-Sysmon/Operational,3,C:\\Windows\\System32\\rundll32.exe,8.8.8.8',
    '2024-05-01T10:00:01Z,Microsoft-Windows-Sysmon/Operational,1,C:\\Windows\\System32\\rundll32.exe,8.8.8.8',
  ]
  const files = tempFiles({ 'splunk.csv': csv.join('\n') + '\n' })
  const routed = evalLines(join(files, 'splunk.csv'), '--logsource-only')
  // Sysmon's EventCode 1 is a process start, outside the rule's network_connection.
  expect(
    routed.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).match),
  ).toEqual([true, false])
})

test('--pipeline FILE maps rule fields; builtin:ID names a shipped one', () => {
  const mine = evalLines(inPipelineDir('exe.ndjson'), '--pipeline', inPipelineDir('mine.yml'))
  expect(mine.stdout.trimEnd().split('\n')).toEqual(EXPECTED_LINES)
  const builtin = evalLines(inPipelineDir('ecs.ndjson'), '--pipeline', 'builtin:sysmon', '--count')
  // The user's own choice (no mapping) wins over the automatic ECS pipeline.
  expect(builtin.stdout).toBe('{"events":3,"matches":0}\n')
})

test('a pipeline with an unsupported part prints FILE:LINE:COL and exits 2', () => {
  const result = evalLines('winlogbeat.ndjson', '--pipeline', inPipelineDir('bad.yml'))
  expect(result.status).toBe(2)
  expect(result.stderr).toBe(
    `${inPipelineDir('bad.yml')}:3:11 error PIPELINE Unsupported transformation type 'value_placeholders'\n`,
  )
})
