/**
 * `npm run bench`: the engine's speed figures (issue 2, "Speed"). Figures, not pass/fail,
 * except that the hand-written yardstick must agree with the engine before it is timed.
 *
 * 1. The default rule over 100,000 generated Sysmon network-connection events: the fast
 *    path (evaluate), the explaining path, and a hand-written JS predicate.
 * 2. Compiling all 3,780 SigmaHQ rules: the first (cold) pass and warm passes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileRule, evaluate, explain, parseEvents } from '../src/engine/index.ts'
import { SIGMAHQ_DIR, corpusRuleFiles } from '../test/corpus/corpus-files.ts'
import { handWrittenRundll32 } from './hand-written-rundll32.ts'
import { millis, perSecond, printTable, ratio, timeOnce, timePasses } from './measure.ts'
import { networkEvents } from './network-events.ts'

const EVENT_COUNT = 100_000
const DEFAULT_RULE = join(
  SIGMAHQ_DIR,
  'rules/windows/network_connection/net_connection_win_rundll32_net_connections.yml',
)

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

const countMatches = (test: (event: Record<string, unknown>) => boolean) => () => {
  let matches = 0
  for (const event of events) if (test(event)) matches++
  return matches
}
const hand = timePasses(countMatches(handWrittenRundll32), 7)
const fast = timePasses(
  countMatches((event) => evaluate(rule, event)),
  7,
)
const explained = timePasses(
  countMatches((event) => explain(rule, event).match),
  3,
)
if (explained.result !== fast.result) {
  console.error(`explain found ${explained.result} matches, evaluate ${fast.result}`)
  process.exit(1)
}

const ndjson = events.map((event) => JSON.stringify(event)).join('\n')
const parsed = timePasses(() => parseEvents(ndjson).events.length, 3)

console.log(`Default rule: ${compiled.meta.title ?? DEFAULT_RULE}`)
console.log(
  `${EVENT_COUNT.toLocaleString('en-US')} events, ${fast.result} matches (median of repeated passes)`,
)
printTable(
  'Evaluation',
  ['way', 'time / pass', 'events per second', 'ratio'],
  [
    [
      'hand-written JS predicate',
      millis(hand.ms),
      perSecond(EVENT_COUNT, hand.ms),
      '1.00× (baseline)',
    ],
    [
      'evaluate (fast path)',
      millis(fast.ms),
      perSecond(EVENT_COUNT, fast.ms),
      `${ratio(fast.ms / hand.ms)} hand-written (target ≤ 2×)`,
    ],
    [
      'explain',
      millis(explained.ms),
      perSecond(EVENT_COUNT, explained.ms),
      `${ratio(explained.ms / fast.ms)} fast path (target ≤ 10×)`,
    ],
    [
      `parseEvents (NDJSON, ${(ndjson.length / 1e6).toFixed(1)} MB)`,
      millis(parsed.ms),
      perSecond(EVENT_COUNT, parsed.ms),
      '',
    ],
  ],
)

// Corpus compilation: read every file first so that only compileRule is timed.
const texts = corpusRuleFiles().map((file) => readFileSync(file, 'utf8'))
const compileAll = () => {
  let errors = 0
  for (const text of texts) {
    for (const d of compileRule(text, {}).diagnostics) if (d.severity === 'error') errors++
  }
  return errors
}
const cold = timeOnce(compileAll)
const warm = timePasses(compileAll, 3)
printTable(
  `Compile the SigmaHQ corpus (${texts.length} rules, ${cold.result} error diagnostics without placeholder values)`,
  ['pass', 'total', 'per rule', 'target'],
  [
    ['cold (first pass)', millis(cold.ms), millis(cold.ms / texts.length), '< 1 s'],
    ['warm (median of 3 after warm-up)', millis(warm.ms), millis(warm.ms / texts.length), '< 1 s'],
  ],
)
