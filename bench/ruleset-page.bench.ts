/**
 * "Which rules fire on these events?" as the page's worker runs it (the same code, in Node):
 * every SigmaHQ rule over the regression tests' events, repeated to 10,000. Compile time, then
 * events and rule × event pairs screened per second while evaluating. Skips without the corpus.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import {
  CORPUS_MISSING,
  corpusRuleFiles,
  hasCorpus,
  readRegressionIndex,
  sigmaPath,
  SIGMAHQ_DIR,
} from '../test/corpus/corpus-files.ts'
import { runRuleSetNow } from '../src/worker/ruleset-run.ts'
import { parseEvents } from '../src/engine/index.ts'
import { grouped, millis, perSecond, printTable } from './measure.ts'

const EVENTS = 10_000

if (!hasCorpus) {
  console.log(`Rule sets in the page: skipped. ${CORPUS_MISSING}`)
} else {
  const files = corpusRuleFiles().map((file) => ({
    path: sigmaPath(file),
    text: readFileSync(file, 'utf8'),
  }))
  const recorded = readRegressionIndex<{ events: string }>().flatMap((entry) =>
    parseEvents(readFileSync(join(SIGMAHQ_DIR, entry.events), 'utf8')).events.map((e) => e.value),
  )
  const events = JSON.stringify(
    Array.from({ length: EVENTS }, (_, i) => recorded[i % recorded.length]),
  )
  // The first run warms the JIT up; the second is measured.
  runRuleSetNow({ files, events, options: {} })
  const result = runRuleSetNow({ files, events, options: {} })
  const { compile, evaluate } = result.millis
  const fired = result.rules.filter((r) => r.hits > 0).length
  printTable(
    `Rule sets in the page's worker (load ${loadavg()[0]?.toFixed(1)})`,
    ['rules', 'events', 'compile', 'evaluate', 'events/s', 'rules × events/s', 'fired'],
    [
      [
        grouped(result.rules.length),
        grouped(result.events),
        millis(compile),
        millis(evaluate),
        perSecond(result.events, evaluate),
        perSecond(result.events * result.rules.length, evaluate),
        grouped(fired),
      ],
    ],
  )
}
