/**
 * `npm run bench`: the engine's speed figures (issue 2, "Speed"). Figures, not pass/fail,
 * except that the hand-written yardstick must agree with the engine before it is timed.
 *
 * 1. The default rule over 100,000 generated Sysmon network-connection events: the fast
 *    path (evaluate), the explaining path, and a hand-written JS predicate.
 * 2. Compiling all 3,780 SigmaHQ rules: the first (cold) pass and warm passes, then cold
 *    passes in fresh processes, with warnings and for errors only (as eval and rule sets).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { compileRule, evaluate, explain, parseEvents } from '../src/engine/index.ts'
import { CORPUS_MISSING, hasCorpus, SIGMAHQ_DIR } from '../test/corpus/corpus-files.ts'
import { handWrittenRundll32 } from './hand-written-rundll32.ts'
import { compileCorpus, readCorpusTexts } from './corpus-compile.ts'
import {
  median,
  millis,
  perSecond,
  printTable,
  ratio,
  timeOnce,
  timeInTurn,
  timePasses,
  type Timing,
} from './measure.ts'
import { networkEvents } from './network-events.ts'
import { savedXmlFile, windowsXmlForm } from '../test/engine/events/shape-forms.ts'
import { benchCorrelation } from './correlation-bench.ts'

// The figures are over SigmaHQ rules and events: without the corpus there is nothing to time.
if (!hasCorpus) {
  console.log(`${CORPUS_MISSING}: engine.bench.ts skipped`)
  process.exit(0)
}

const EVENT_COUNT = 100_000
const DEFAULT_RULE = join(
  SIGMAHQ_DIR,
  'rules/windows/network_connection/net_connection_win_rundll32_net_connections.yml',
)

// Corpus compilation, timed first, in a fresh process, so that "cold" means cold.
const texts = readCorpusTexts()
const compileAll = () => compileCorpus(texts)
const cold = timeOnce(compileAll)
const warm = timePasses(compileAll, 3)
const fresh = freshProcessCompiles(3)

/**
 * Cold compiles in fresh processes, taking turns with and without warnings: the median of a few
 * says more than the one cold pass above on a machine whose speed varies from run to run.
 */
function freshProcessCompiles(runs: number): { withWarnings: Timing; errorsOnly: Timing } {
  const script = join(import.meta.dirname, 'compile-corpus-once.ts')
  const once = (mode: string): Timing => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, mode], {
      encoding: 'utf8',
    })
    if (child.status !== 0) throw new Error(`compile-corpus-once ${mode}: ${child.stderr}`)
    return JSON.parse(child.stdout) as Timing
  }
  const withWarnings: Timing[] = []
  const errorsOnly: Timing[] = []
  for (let run = 0; run < runs; run++) {
    withWarnings.push(once('with-warnings'))
    errorsOnly.push(once('errors-only'))
  }
  const middle = (timings: Timing[]): Timing => ({
    ms: median(timings.map((t) => t.ms)),
    cpuMs: median(timings.map((t) => t.cpuMs)),
    result: Math.max(...timings.map((t) => t.result)),
  })
  return { withWarnings: middle(withWarnings), errorsOnly: middle(errorsOnly) }
}

const ruleText = readFileSync(DEFAULT_RULE, 'utf8')
const compiled = compileRule(ruleText, {})
const rule = compiled.rule
if (rule === undefined) {
  console.error('The default rule does not compile:', compiled.diagnostics)
  process.exit(1)
}
const events = networkEvents(EVENT_COUNT)

// The yardstick is only a yardstick if it computes the same thing.
const disagreements = events.filter((event) => evaluate(rule, event) !== handWrittenRundll32(event))
if (disagreements.length > 0) {
  console.error(
    `evaluate and the hand-written predicate disagree on ${disagreements.length} events:`,
  )
  for (const event of disagreements.slice(0, 5)) {
    console.error(JSON.stringify(event), 'evaluate:', evaluate(rule, event))
  }
  process.exit(1)
}

const countMatches =
  (test: (event: Record<string, unknown>) => boolean, over = events) =>
  () => {
    let matches = 0
    for (const event of over) if (test(event)) matches++
    return matches
  }
const fastMatch = (event: Record<string, unknown>) => evaluate(rule, event) === true
const explainMatch = (event: Record<string, unknown>) => {
  const trace = explain(rule, event)
  return 'match' in trace && trace.match
}
// The explaining path is the slow one by design: it warms up on a tenth of the events. The
// three are timed in turn, so that their ratios compare passes of the same moments.
const warmUpSlice = events.slice(0, EVENT_COUNT / 10)
const [hand, fast, explained] = timeInTurn(
  [
    { pass: countMatches(handWrittenRundll32) },
    { pass: countMatches(fastMatch) },
    { pass: countMatches(explainMatch), warmUp: countMatches(explainMatch, warmUpSlice) },
  ],
  5,
) as [Timing, Timing, Timing]
if (explained.result !== fast.result) {
  console.error(`explain found ${explained.result} matches, evaluate ${fast.result}`)
  process.exit(1)
}

const ndjson = events.map((event) => JSON.stringify(event)).join('\n')
const parsed = timePasses(() => parseEvents(ndjson).events.length, 3)
if (parsed.result !== EVENT_COUNT) {
  console.error(`parseEvents read ${parsed.result} of ${EVENT_COUNT} NDJSON events`)
  process.exit(1)
}

// The same events as Windows event XML (Event Viewer's view of each), read back as evtx JSON.
const xml = savedXmlFile(events.map((e) => windowsXmlForm({ Event: { EventData: e } })))
const parsedXml = timePasses(() => parseEvents(xml).events.length, 3)
if (parsedXml.result !== EVENT_COUNT) {
  console.error(`parseEvents read ${parsedXml.result} of ${EVENT_COUNT} XML events`)
  process.exit(1)
}

const row = (way: string, t: Timing, vs?: [Timing, string]) => [
  way,
  millis(t.ms),
  millis(t.cpuMs),
  perSecond(EVENT_COUNT, t.ms),
  vs ? `${ratio(t.ms / vs[0].ms)} ${vs[1]}` : '',
  vs ? `${ratio(t.cpuMs / vs[0].cpuMs)} ${vs[1]}` : '',
]

const load = loadavg()[0] ?? 0
console.log(`Default rule: ${compiled.meta.title ?? DEFAULT_RULE}`)
console.log(
  `${EVENT_COUNT.toLocaleString('en-US')} generated events, ${fast.result} matches; ` +
    'times are medians of repeated passes after a warm-up (wall clock; CPU of the process)',
)
console.log(
  `Load average ${load.toFixed(1)} on ${availableParallelism()} cores` +
    (load > availableParallelism() ? ': the machine is busy, so trust the CPU columns more' : ''),
)
printTable(
  'Evaluation',
  ['way', 'wall / pass', 'cpu / pass', 'events per second', 'ratio (wall)', 'ratio (cpu)'],
  [
    row('hand-written JS predicate', hand),
    row('evaluate (fast path)', fast, [hand, 'hand-written (target ≤ 2×)']),
    row('explain', explained, [fast, 'fast path (target ≤ 10×)']),
    row(`parseEvents (NDJSON, ${(ndjson.length / 1e6).toFixed(1)} MB)`, parsed),
    row(`parseEvents (Windows event XML, ${(xml.length / 1e6).toFixed(1)} MB)`, parsedXml, [
      parsed,
      'NDJSON',
    ]),
  ],
)

printTable(
  `Compile the SigmaHQ corpus (${texts.length} rules, ${cold.result} error diagnostics)`,
  ['pass', 'wall', 'cpu', 'per rule (wall)', 'target'],
  [
    [
      'cold (first pass)',
      millis(cold.ms),
      millis(cold.cpuMs),
      millis(cold.ms / texts.length),
      '< 1 s',
    ],
    [
      'warm (median after warm-up)',
      millis(warm.ms),
      millis(warm.cpuMs),
      millis(warm.ms / texts.length),
      '< 1 s',
    ],
    [
      `cold, fresh processes (median of 3, ${fresh.withWarnings.result} errors)`,
      millis(fresh.withWarnings.ms),
      millis(fresh.withWarnings.cpuMs),
      millis(fresh.withWarnings.ms / texts.length),
      '< 1 s',
    ],
    [
      `  errors only, as eval and rule sets (${fresh.errorsOnly.result} errors)`,
      millis(fresh.errorsOnly.ms),
      millis(fresh.errorsOnly.cpuMs),
      millis(fresh.errorsOnly.ms / texts.length),
      '—',
    ],
  ],
)

const correlation = benchCorrelation(ruleText, compiled.meta.id ?? '', events)
printTable(
  `Correlation over ${EVENT_COUNT.toLocaleString('en-US')} timed events (event_count by host, 5m; ${correlation.alerts} alerts)`,
  ['way', 'wall / pass', 'cpu / pass', 'events per second', 'ratio (wall)', 'ratio (cpu)'],
  [
    row('rule alone (runSet)', correlation.plain),
    row('rule + correlation (runSet)', correlation.correlated, [correlation.plain, 'rule alone']),
  ],
)
