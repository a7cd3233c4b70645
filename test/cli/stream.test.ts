/**
 * Streaming `eval` (issue 10) and its bounds (issue 14): output equals whole-file evaluation,
 * starts before the input ends, keeps good events around bad ones, and refuses endless input
 * with a clear error instead of holding it all.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { compileRule, parseEvents } from '../../src/engine/index.ts'
import { verdict } from '../helpers/judge.ts'
import { networkEventXml, savedXmlFile } from '../engine/events/shape-forms.ts'
import { RULE } from './fixtures.ts'
import { BIN, runCli, runCliHeldStdin, tempFiles } from './run-cli.ts'

const dir = tempFiles({ 'rule.yml': RULE })
const at = (name: string) => join(dir, name)
/** `eval` of the fixture rule over `events` (a path, or `-`). */
const evalEvents = (events: string, ...more: string[]) =>
  runCli(['eval', '--rule', at('rule.yml'), '--events', events, ...more])
const rule = compileRule(RULE).rule
if (!rule) throw new Error('fixture rule does not compile')

/**
 * Events that match, miss on the filter, and miss on the image, several MB in all. Some hold
 * characters past ASCII (NDJSON lines are decoded one by one, ASCII lines by a plain copy).
 */
function manyEvents(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    Image: i % 3 === 0 ? 'C:\\Windows\\System32\\rundll32.exe' : `C:\\app\\tool${i}.exe`,
    DestinationIp: i % 2 === 0 ? '8.8.8.8' : `10.0.${i % 250}.1`,
    Padding: i % 7 === 0 ? 'Größe – Сеть — 東京 😀'.repeat(8) : 'x'.repeat(100 + (i % 50)),
  }))
}

function wholeFileLines(text: string): string {
  const { events } = parseEvents(text)
  return events
    .map((record, event) => {
      const { match, identifiers } = verdict(rule!, record.value)
      return JSON.stringify({ event, match, identifiers }) + '\n'
    })
    .join('')
}

test.each([
  ['NDJSON', (events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n'],
  [
    'evtx_dump pretty-printed records',
    (events: object[]) =>
      events.map((e) => JSON.stringify({ Event: { EventData: e } }, null, 2)).join('\n'),
  ],
  ['a JSON array', (events: object[]) => JSON.stringify(events)],
  // wevtutil writes each event on one line with nothing between: batches are cut mid-line.
  ['wevtutil XML', (events: object[]) => events.map(networkEventXml).join('')],
  [
    'a saved <Events> file',
    (events: object[]) => `<?xml version="1.0"?>\n${savedXmlFile(events.map(networkEventXml))}`,
  ],
])('streamed %s over many read chunks equals whole-file evaluation', (_, write) => {
  const text = write(manyEvents(30_000))
  expect(text.length).toBeGreaterThan(4 << 20)
  writeFileSync(at('events'), text)
  const { status, stdout, stderr } = evalEvents(at('events'))
  expect(stderr).toBe('')
  expect(status).toBe(0)
  expect(stdout).toBe(wholeFileLines(text))
})

test.each([
  ['verdict lines', ['--rule'], []],
  ['--explain', ['--rule'], ['--explain']],
  ['--count', ['--rule'], ['--count']],
  ['--rules hits', ['--rules'], []],
  ['--rules --count', ['--rules'], ['--count']],
])(
  '%s: small events on the main thread (a file, stdin that ends) say what the worker says',
  async (_, ruleFlag, more) => {
    const lines = manyEvents(40).map((e) => JSON.stringify(e))
    lines.splice(7, 0, '{"Image": ')
    const text = lines.join('\n') + '\n'
    writeFileSync(at('small.ndjson'), text)
    const args = (events: string) => ['eval', ...ruleFlag, at('rule.yml'), '--events', events]
    const fromFile = runCli([...args(at('small.ndjson')), ...more])
    const fromStdin = runCli([...args('-'), ...more], { input: text })
    // Held open past the read-ahead, stdin is streamed to the worker.
    const fromWorker = await runCliHeldStdin([...args('-'), ...more], text)
    expect(fromFile.stdout.length).toBeGreaterThan(0)
    expect(fromFile.stderr).toContain('error EVENTS_SYNTAX')
    for (const other of [fromStdin, fromWorker]) {
      expect(fromFile.stdout).toBe(other.stdout)
      expect(fromFile.stderr).toBe(other.stderr.replaceAll('<stdin>', at('small.ndjson')))
      expect(other.status).toBe(2)
    }
    expect(fromFile.status).toBe(2)
  },
)

/**
 * Writes `input` to `eval --events -` and keeps stdin open until the first output comes: that
 * output, whether the CLI was still running then, and its exit status once stdin ends.
 */
async function firstOutputWhileOpen(input: string) {
  const child = spawn(process.execPath, [BIN, 'eval', '--rule', at('rule.yml'), '--events', '-'])
  child.stdin.write(input)
  const first = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d) => resolve(String(d))),
  )
  const running = child.exitCode === null
  child.stdin.end()
  const status = await new Promise((resolve) => child.on('close', resolve))
  return { first, running, status }
}

test('a slow producer (`tail -f |`): its first event is answered before its input ends', async () => {
  // One small event: small enough for the main thread, had the input ended.
  const { first, running, status } = await firstOutputWhileOpen(
    JSON.stringify(manyEvents(1)[0]) + '\n',
  )
  expect(first).toBe(
    '{"event":0,"match":true,"identifiers":{"selection":true,"filter_main_local_ranges":false}}\n',
  )
  expect(running).toBe(true)
  expect(status).toBe(0)
})

test('output starts before the input ends (stdin kept open)', async () => {
  const line = JSON.stringify(manyEvents(1)[0]) + '\n'
  // Several read chunks' worth, so a batch is cut, while the pipe stays open.
  const { first, running, status } = await firstOutputWhileOpen(line.repeat(20_000))
  expect(first.startsWith('{"event":0,"match":true')).toBe(true)
  expect(running).toBe(true)
  expect(status).toBe(0)
})

test.each([
  ['NDJSON', (events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n'],
  ['wevtutil XML', (events: object[]) => events.map(networkEventXml).join('')],
])('%s saved as UTF-16 (PowerShell 5’s `>`) gives the lines UTF-8 gives', (_, write) => {
  const text = write(manyEvents(3000))
  writeFileSync(at('utf8'), text)
  writeFileSync(at('utf16'), Buffer.from('\ufeff' + text, 'utf16le'))
  const [utf8, utf16] = [evalEvents(at('utf8')), evalEvents(at('utf16'))]
  expect(utf16.stderr).toBe('')
  expect(utf16.status).toBe(0)
  expect(utf16.stdout).toBe(utf8.stdout)
  expect(utf8.stdout.split('\n')).toHaveLength(3001)
})

test('XML output starts before the input ends (stdin kept open)', async () => {
  const { first, running, status } = await firstOutputWhileOpen(
    `<Events>${networkEventXml(manyEvents(1)[0] as object).repeat(20_000)}`,
  )
  expect(first.startsWith('{"event":0,"match":true')).toBe(true)
  expect(running).toBe(true)
  expect(status).toBe(0)
})

test('broken XML deep in a stream is named at its line and column; the events around it run', () => {
  const good = networkEventXml(manyEvents(1)[0] as object)
  const bad = good.replace('</Data>', '</Dat>')
  // One line, as wevtutil writes it, long enough to be read and cut in many chunks.
  const events = [...Array<string>(5000).fill(good), bad, good]
  const text = events.join('')
  writeFileSync(at('bad.xml'), text)
  const { status, stdout, stderr } = evalEvents(at('bad.xml'))
  const column = good.length * 5000 + bad.indexOf('</Dat>') + 1
  expect(stderr).toBe(
    `${at('bad.xml')}:1:${column} error EVENTS_SYNTAX malformed events: Invalid XML: </Dat> closes <Data>\n`,
  )
  expect(status).toBe(2)
  expect(stdout.trim().split('\n')).toHaveLength(5001)
})

test('bad NDJSON lines: the good events are kept, each bad line named, exit 2 at the end', () => {
  const good = JSON.stringify(manyEvents(1)[0])
  writeFileSync(at('mixed.ndjson'), [good, '{"Image": ', good, 'not json', good].join('\n') + '\n')
  const { status, stdout, stderr } = evalEvents(at('mixed.ndjson'))
  expect(status).toBe(2)
  expect(
    stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).event),
  ).toEqual([0, 1, 2])
  expect(stderr).toMatch(/mixed\.ndjson:2:\d+ error EVENTS_SYNTAX malformed events/)
  expect(stderr).toMatch(/mixed\.ndjson:4:1 error EVENTS_SYNTAX malformed events/)
})

test('100,000 bad lines: a few messages and one summary, not 100,000 lines', () => {
  const good = JSON.stringify(manyEvents(1)[0])
  writeFileSync(at('bad.ndjson'), `${good}\n${'{oops}\n'.repeat(100_000)}${good}\n`)
  const { status, stdout, stderr } = evalEvents(at('bad.ndjson'), '--count')
  expect(status).toBe(2)
  expect(stdout).toBe('{"events":2,"matches":2}\n')
  const lines = stderr.trimEnd().split('\n')
  expect(lines.length).toBeLessThanOrEqual(25)
  expect(lines.at(-1)).toContain('100000 malformed events')
})

test('--events /dev/zero stops at the cap on one event with a clear error', () => {
  const { status, stdout, stderr } = evalEvents('/dev/zero')
  expect(status).toBe(2)
  expect(stdout).toBe('')
  expect(stderr).toBe(
    '/dev/zero:1: error one event is over 16 MB, the limit for one event; stopped\n',
  )
})

test('--rule /dev/zero is refused at the cap on one rule', () => {
  const { status, stderr } = runCli(['eval', '--rule', '/dev/zero', '--events', at('rule.yml')])
  expect(status).toBe(2)
  expect(stderr).toBe(
    'sigma-play: cannot read rule /dev/zero: rule is over 1 MB, the limit for one rule\n',
  )
})

test('endless stdin (like `yes {...} |`): output flows while the input goes on', async () => {
  const child = spawn(process.execPath, [BIN, 'eval', '--rule', at('rule.yml'), '--events', '-'])
  const line = JSON.stringify(manyEvents(1)[0]) + '\n'
  const block = line.repeat(5_000)
  let received = 0
  child.stdout.on('data', (d: Buffer) => (received += d.length))
  child.stdin.on('error', () => {})
  // Keep writing for a while; output must be arriving all along, not at the end.
  for (let i = 0; i < 40 && received < 1 << 20; i++) {
    if (!child.stdin.write(block)) await new Promise((r) => child.stdin.once('drain', r))
  }
  expect(received).toBeGreaterThan(0)
  child.kill()
  await new Promise((resolve) => child.on('close', resolve))
})

test('--explain into a reader that stops early ends quietly (EPIPE), no stack trace', async () => {
  const line = JSON.stringify(manyEvents(1)[0]) + '\n'
  writeFileSync(at('big.ndjson'), line.repeat(100_000))
  const child = spawn('bash', [
    '-c',
    `"${process.execPath}" "${BIN}" eval --rule "${at('rule.yml')}" --events "${at('big.ndjson')}" --explain | head -c 1000 > /dev/null; echo "\${PIPESTATUS[0]}"`,
  ])
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  await new Promise((resolve) => child.on('close', resolve))
  expect(stderr).toBe('')
  expect(stdout.trim()).toBe('0')
})
