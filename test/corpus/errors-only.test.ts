/**
 * Rule sets and `eval` compile without warnings (`{ warnings: false }`). Over every SigmaHQ rule
 * that must change nothing but the warnings: the same errors, the same rule (fingerprint), and
 * over SigmaHQ's regression events the same verdicts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { compileRule, evaluate, parseEvents } from '../../src/engine/index.ts'
import type { Diagnostic } from '../../src/engine/index.ts'
import {
  corpusRuleFiles,
  placeholderOptions,
  readRegressionIndex,
  sigmaPath,
  SIGMAHQ_DIR,
} from './corpus-files.ts'
import { readsCorpus } from './corpus-test.ts'

const shown = (d: Diagnostic) => `${d.severity} ${d.code} @${d.range.join('-')}: ${d.message}`

test(
  'every SigmaHQ rule: the same errors and the same rule, only warnings left out',
  readsCorpus,
  () => {
    const differences: Record<string, unknown> = {}
    let warningsLeftOut = 0
    for (const file of corpusRuleFiles()) {
      const text = readFileSync(file, 'utf8')
      const options = placeholderOptions(text)
      const full = compileRule(text, options)
      const quiet = compileRule(text, options, { warnings: false })
      const fullShown = full.diagnostics.map(shown)
      const quietShown = quiet.diagnostics.map(shown)
      warningsLeftOut += fullShown.length - quietShown.length
      const same =
        quietShown.every((d) => fullShown.includes(d)) &&
        fullShown.filter((d) => d.startsWith('error')).join('\n') ===
          quietShown.filter((d) => d.startsWith('error')).join('\n') &&
        (full.rule === undefined) === (quiet.rule === undefined) &&
        full.fingerprint === quiet.fingerprint
      if (!same) differences[sigmaPath(file)] = { full: fullShown, quiet: quietShown }
    }
    expect(differences).toEqual({})
    // SigmaHQ's rules do draw warnings, so the comparison above left some out.
    expect(warningsLeftOut).toBeGreaterThan(100)
  },
)

interface RegressionEntry {
  rule: string
  events: string
}

test('SigmaHQ’s regression events get the same verdicts either way', readsCorpus, () => {
  let events = 0
  let matches = 0
  for (const entry of readRegressionIndex<RegressionEntry>()) {
    const text = readFileSync(join(SIGMAHQ_DIR, entry.rule), 'utf8')
    const full = compileRule(text).rule
    const quiet = compileRule(text, {}, { warnings: false }).rule
    if (!full || !quiet) throw new Error(`${entry.rule} did not compile`)
    for (const { value } of parseEvents(readFileSync(join(SIGMAHQ_DIR, entry.events), 'utf8'))
      .events) {
      const verdict = evaluate(full, value)
      expect(evaluate(quiet, value), entry.rule).toBe(verdict)
      events++
      if (verdict === true) matches++
    }
  }
  expect(events).toBeGreaterThan(200)
  expect(matches).toBeGreaterThan(200)
})
