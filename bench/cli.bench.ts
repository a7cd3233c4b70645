/**
 * CLI figures (issue 10), end to end through `node bin/sigma-play.js`: start-up against bare
 * node, `eval --count` against a hand-written predicate reading the same NDJSON file,
 * `eval --rules` over the SigmaHQ corpus with the regression events repeated, and the peak
 * memory of streaming a generated gigabyte through stdin, as NDJSON and as Windows event XML.
 * Rule diagnostics the corpus gives on stderr (a few rules with placeholders) are counted in one
 * line, not printed each run.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseEvents } from '../src/engine/index.ts'
import {
  CORPUS_MISSING,
  hasCorpus,
  REGRESSION_INDEX,
  SIGMAHQ_DIR,
} from '../test/corpus/corpus-files.ts'
import { grouped, median, printTable, ratio } from './measure.ts'
import { networkEvents } from './network-events.ts'
import { seededRandom } from './seeded-random.ts'
import { networkEventXml } from '../test/engine/events/shape-forms.ts'

// The figures are over SigmaHQ rules and events: without the corpus there is nothing to time.
if (!hasCorpus) {
  console.log(`${CORPUS_MISSING}: cli.bench.ts skipped`)
  process.exit(0)
}

// The built CLI, as users run it: `npm run bench` builds it first, so it times the tree in hand.
const BIN = fileURLToPath(new URL('../bin/sigma-play.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sigma-play-bench-'))

/** Rule diagnostics by code (`file:line:col error CODE …`), from the last run that gave any. */
let ruleDiagnostics = new Map<string, number>()
const DIAGNOSTIC = /^\S+:\d+:\d+ error ([A-Z_]+) /

/** Tallies the rule diagnostics; anything else on stderr is printed, as it may be a fault. */
function readStderr(stderr: string): void {
  const tally = new Map<string, number>()
  for (const line of stderr.split('\n')) {
    const code = DIAGNOSTIC.exec(line)?.[1]
    if (code) tally.set(code, (tally.get(code) ?? 0) + 1)
    else if (line.trim() !== '') console.error(line)
  }
  if (tally.size > 0) ruleDiagnostics = tally
}

/** `eval --stats` says how fast the events went, compiling left out. */
const STATS = /^sigma-play: stats: .* \((\d+) events\/s\)$/m

/**
 * Median wall time of `runs` runs (ms), and the events/s their --stats lines gave; `input` is
 * piped to stdin.
 */
function timed(args: string[], runs: number, input?: string): { ms: number; perSecond: number } {
  const times: number[] = []
  const rates: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
      input,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    })
    times.push(performance.now() - start)
    const stats = STATS.exec(result.stderr)
    if (stats) rates.push(Number(stats[1]))
    readStderr(result.stderr.replace(STATS, ''))
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`)
  }
  return { ms: median(times), perSecond: median(rates) }
}

/**
 * Median wall times (ms) of commands compared with each other, run in turn (a, b, a, b…) so that
 * the machine's load drifting during the runs falls on every side alike.
 */
function inTurn(runs: number, ...commands: { args: string[]; input?: string }[]): number[] {
  const times = commands.map(() => [] as number[])
  for (let i = 0; i < runs; i++)
    commands.forEach(({ args, input }, k) => times[k]?.push(timed(args, 1, input).ms))
  return times.map(median)
}

/** `count` generated network events, one JSON line each, in a file of the bench's folder. */
function writeNdjson(name: string, count: number): string {
  const path = join(dir, name)
  writeFileSync(
    path,
    networkEvents(count)
      .map((e) => JSON.stringify(e))
      .join('\n') + '\n',
  )
  return path
}

const rule = join(
  SIGMAHQ_DIR,
  'rules/windows/network_connection/net_connection_win_rundll32_net_connections.yml',
)
const one = join(dir, 'one.ndjson')
const oneLine = JSON.stringify(networkEvents(1)[0]) + '\n'
writeFileSync(one, oneLine)
const [bare = NaN, cli = NaN, piped = NaN] = inTurn(
  5,
  { args: ['-e', '0'] },
  { args: [BIN, 'eval', '--rule', rule, '--events', one] },
  { args: [BIN, 'eval', '--rule', rule, '--events', '-'], input: oneLine },
)

const events = writeNdjson('events.ndjson', 200_000)
const handScript = join(dir, 'hand.mjs')
const handModule = fileURLToPath(new URL('./hand-written-rundll32.ts', import.meta.url))
writeFileSync(
  handScript,
  `import { handWrittenRundll32 } from ${JSON.stringify(handModule)}\n` +
    `import { createReadStream } from 'node:fs'\nimport { createInterface } from 'node:readline'\n` +
    `let n = 0, m = 0\nfor await (const line of createInterface({ input: createReadStream(process.argv[2]) })) {\n` +
    `  if (!line) continue; n++; if (handWrittenRundll32(JSON.parse(line))) m++ }\nconsole.log(n, m)\n`,
)
const [hand = NaN, count = NaN] = inTurn(
  3,
  { args: ['--import', 'tsx', handScript, events] },
  { args: [BIN, 'eval', '--rule', rule, '--events', events, '--count'] },
)

const index = JSON.parse(readFileSync(REGRESSION_INDEX, 'utf8')) as { events: string }[]
const corpusEvents = [...new Set(index.map((e) => e.events))].flatMap((file) =>
  parseEvents(readFileSync(join(SIGMAHQ_DIR, file), 'utf8')).events.map((r) =>
    JSON.stringify(r.value),
  ),
)
// Enough events that evaluating them takes seconds, so the JIT's warm-up is a small part of it.
const REPEAT = 100
const rulesEvents = join(dir, 'corpus.ndjson')
writeFileSync(rulesEvents, Array(REPEAT).fill(corpusEvents.join('\n')).join('\n') + '\n')
/**
 * The same events with their text respelt at random: every letter of every string takes a case
 * of its own, so a string of seven letters or more is almost never spelt the same twice. The
 * screen remembers values as written, so it meets each afresh, while the verdicts stay those of
 * the originals (matching ignores case). Logs repeat most of their values (paths, users,
 * channels) but not all (command lines, GUIDs, times), so the two figures bound what real ones
 * see.
 */
const letterCases = seededRandom(10)
const respelt = (value: unknown): unknown => {
  if (typeof value === 'string')
    return value.replace(/[a-z]/gi, (c) =>
      letterCases.chance(0.5) ? c.toUpperCase() : c.toLowerCase(),
    )
  if (Array.isArray(value)) return value.map(respelt)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, respelt(v)]))
}
const uniqueEvents = join(dir, 'corpus-unique.ndjson')
writeFileSync(
  uniqueEvents,
  Array.from({ length: REPEAT }, () =>
    corpusEvents.map((e) => JSON.stringify(respelt(JSON.parse(e)))).join('\n'),
  ).join('\n') + '\n',
)
const rulesPaths = ['rules', 'rules-emerging-threats', 'rules-threat-hunting'].map((f) =>
  join(SIGMAHQ_DIR, f),
)
// Evaluation alone, as the CLI's --stats measures it: the span from the rules compiled to the
// output written, so the seconds of compiling 3,700 rules and their spread are left out.
const corpusRun = (events: string, ...more: string[]) =>
  timed(
    [BIN, 'eval', '--rules', ...rulesPaths, '--events', events, '--count', '--stats', ...more],
    3,
  )
const perSecond = corpusRun(rulesEvents).perSecond
const uniquePerSecond = corpusRun(uniqueEvents).perSecond
// --logsource-only: each rule only sees events of its logsource (routing, not just verdicts).
const routedPerSecond = corpusRun(rulesEvents, '--logsource-only').perSecond
const uniqueRoutedPerSecond = corpusRun(uniqueEvents, '--logsource-only').perSecond
const n = corpusEvents.length * REPEAT

/**
 * Peak resident memory (MB) of `eval --count` over `megabytes` of NDJSON generated on the fly
 * and piped to stdin, so no file is written: the CLI runs in-process under a wrapper that
 * reports process.resourceUsage().maxRSS (worker thread included) on exit.
 */
async function streamPeak(
  megabytes: number,
  chunk: string,
): Promise<{ mb: number; events: number }> {
  const generator = spawn(
    process.execPath,
    [
      '-e',
      `const fs = require('node:fs'); const text = fs.readFileSync(${JSON.stringify(chunk)});
       let left = ${megabytes} * 2 ** 20;
       const more = () => { while (left > 0) { left -= text.length; if (!process.stdout.write(text)) return process.stdout.once('drain', more) } process.stdout.end() };
       process.stdout.on('error', () => process.exit(0)); more()`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const wrapper = join(dir, 'maxrss.mjs')
  writeFileSync(
    wrapper,
    `process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n'))\n` +
      `process.argv.splice(1, 1, ${JSON.stringify(BIN)})\nawait import(${JSON.stringify(BIN)})\n`,
  )
  const cli = spawn(
    process.execPath,
    [wrapper, 'eval', '--rule', rule, '--events', '-', '--count'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  // The generator may still be writing when a failed run closes its stdin.
  cli.stdin.on('error', () => {})
  generator.stdout.pipe(cli.stdin)
  let out = ''
  let err = ''
  cli.stdout.on('data', (data: Buffer) => (out += data.toString()))
  cli.stderr.on('data', (data: Buffer) => (err += data.toString()))
  const status = await new Promise<number | null>((resolve) => cli.on('close', resolve))
  const kb = Number(/maxrss (\d+)/.exec(err)?.[1] ?? NaN)
  if (status !== 0 || !Number.isFinite(kb))
    throw new Error(`streaming run exited ${status}: ${err}`)
  return { mb: kb / 1024, events: (JSON.parse(out) as { events: number }).events }
}
const STREAM_MB = Number(process.env.BENCH_STREAM_MB ?? 1024)
const streamed = await streamPeak(STREAM_MB, writeNdjson('chunk.ndjson', 10_000))
// wevtutil's form: every event on one line, nothing between them.
const xmlChunk = join(dir, 'chunk.xml')
writeFileSync(xmlChunk, networkEvents(10_000).map(networkEventXml).join(''))
const streamedXml = await streamPeak(STREAM_MB, xmlChunk)

const diagnostics = [...ruleDiagnostics].map(([code, n]) => `${n} ${code}`).join(', ')
if (diagnostics)
  console.log(`Corpus rules reported on stderr and skipped: ${diagnostics} (as every run does)`)

printTable(
  `CLI (wall clock, medians; load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores)`,
  ['figure', 'measured', 'target'],
  [
    [
      'start-up: one event vs bare node',
      `${cli.toFixed(0)} ms vs ${bare.toFixed(0)} ms (${ratio(cli / bare)})`,
      '≤ 2×',
    ],
    [
      'start-up: one event piped on stdin vs bare node',
      `${piped.toFixed(0)} ms vs ${bare.toFixed(0)} ms (${ratio(piped / bare)})`,
      '≤ 2×',
    ],
    [
      'eval --count, 200k events vs hand-written',
      `${count.toFixed(0)} ms vs ${hand.toFixed(0)} ms (${ratio(count / hand)})`,
      '≤ 1.5×',
    ],
    [
      `--rules SigmaHQ over ${n} regression events`,
      `${grouped(perSecond)} events/s; ${grouped(uniquePerSecond)} with strings respelt at random (compile excluded)`,
      '≥ 20,000/s per core',
    ],
    [
      `--rules --logsource-only, same events`,
      `${grouped(routedPerSecond)} events/s; ${grouped(uniqueRoutedPerSecond)} respelt`,
      '≥ 50,000/s per core',
    ],
    [
      `peak memory, eval --count over ${grouped(STREAM_MB)} MB on stdin`,
      `${streamed.mb.toFixed(0)} MB (${grouped(streamed.events)} events)`,
      'flat; < 250 MB',
    ],
    [
      `peak memory, the same over ${grouped(STREAM_MB)} MB of Windows event XML`,
      `${streamedXml.mb.toFixed(0)} MB (${grouped(streamedXml.events)} events)`,
      'flat; < 250 MB',
    ],
  ],
)
