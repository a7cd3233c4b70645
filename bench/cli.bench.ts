/**
 * CLI figures (issue 10), end to end through `node bin/sigma-play.js`: start-up against bare
 * node, `eval --count` against a hand-written predicate reading the same NDJSON file, and
 * `eval --rules` over the SigmaHQ corpus with the regression events repeated.
 */
import { spawnSync } from 'node:child_process'
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
import { printTable, ratio } from './measure.ts'
import { networkEvents } from './network-events.ts'

// The figures are over SigmaHQ rules and events: without the corpus there is nothing to time.
if (!hasCorpus) {
  console.log(`${CORPUS_MISSING}: cli.bench.ts skipped`)
  process.exit(0)
}

const BIN = fileURLToPath(new URL('../bin/sigma-play.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sigma-play-bench-'))

function wall(args: string[], runs = 5): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] })
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`)
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
}

const rule = join(
  SIGMAHQ_DIR,
  'rules/windows/network_connection/net_connection_win_rundll32_net_connections.yml',
)
const one = join(dir, 'one.ndjson')
writeFileSync(one, JSON.stringify(networkEvents(1)[0]) + '\n')
const bare = wall(['-e', '0'])
const cli = wall([BIN, 'eval', '--rule', rule, '--events', one])

const events = join(dir, 'events.ndjson')
writeFileSync(
  events,
  networkEvents(200_000)
    .map((e) => JSON.stringify(e))
    .join('\n') + '\n',
)
const handScript = join(dir, 'hand.mjs')
const handModule = fileURLToPath(new URL('./hand-written-rundll32.ts', import.meta.url))
writeFileSync(
  handScript,
  `import { handWrittenRundll32 } from ${JSON.stringify(handModule)}\n` +
    `import { createReadStream } from 'node:fs'\nimport { createInterface } from 'node:readline'\n` +
    `let n = 0, m = 0\nfor await (const line of createInterface({ input: createReadStream(process.argv[2]) })) {\n` +
    `  if (!line) continue; n++; if (handWrittenRundll32(JSON.parse(line))) m++ }\nconsole.log(n, m)\n`,
)
const hand = wall(['--import', 'tsx', handScript, events], 3)
const count = wall([BIN, 'eval', '--rule', rule, '--events', events, '--count'], 3)

const index = JSON.parse(readFileSync(REGRESSION_INDEX, 'utf8')) as { events: string }[]
const corpusEvents = [...new Set(index.map((e) => e.events))].flatMap((file) =>
  parseEvents(readFileSync(join(SIGMAHQ_DIR, file), 'utf8')).events.map((r) =>
    JSON.stringify(r.value),
  ),
)
const REPEAT = 40
const rulesEvents = join(dir, 'corpus.ndjson')
writeFileSync(rulesEvents, Array(REPEAT).fill(corpusEvents.join('\n')).join('\n') + '\n')
const rulesPaths = ['rules', 'rules-emerging-threats', 'rules-threat-hunting'].map((f) =>
  join(SIGMAHQ_DIR, f),
)
const rulesOnly = wall([BIN, 'eval', '--rules', ...rulesPaths, '--events', one, '--count'], 1)
const rulesAll = wall(
  [BIN, 'eval', '--rules', ...rulesPaths, '--events', rulesEvents, '--count'],
  1,
)
const n = corpusEvents.length * REPEAT
const perSecond = (n / Math.max(1, rulesAll - rulesOnly)) * 1000
// --logsource-only: each rule only sees events of its logsource (routing, not just verdicts).
const routed = ['--logsource-only']
const routedOnly = wall(
  [BIN, 'eval', '--rules', ...rulesPaths, '--events', one, '--count', ...routed],
  1,
)
const routedAll = wall(
  [BIN, 'eval', '--rules', ...rulesPaths, '--events', rulesEvents, '--count', ...routed],
  1,
)
const routedPerSecond = (n / Math.max(1, routedAll - routedOnly)) * 1000

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
      'eval --count, 200k events vs hand-written',
      `${count.toFixed(0)} ms vs ${hand.toFixed(0)} ms (${ratio(count / hand)})`,
      '≤ 1.5×',
    ],
    [
      `--rules SigmaHQ over ${n} regression events`,
      `${Math.round(perSecond).toLocaleString('en-US')} events/s (compile excluded)`,
      '≥ 20,000/s per core',
    ],
    [
      `--rules --logsource-only, same events`,
      `${Math.round(routedPerSecond).toLocaleString('en-US')} events/s (compile excluded)`,
      '≥ 50,000/s per core',
    ],
  ],
)
