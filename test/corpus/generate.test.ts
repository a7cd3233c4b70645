/**
 * Events generated for every SigmaHQ rule: where the generator handles a rule, its matching
 * event matches and every labelled edge event gets the verdict its label promises, checked
 * by the fast path after a JSON round trip. The count of rules handled may only go up.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { compileRule, evaluate, generateEvents } from '../../src/engine/index.ts'
import { corpusRuleFiles, placeholderOptions, sigmaPath } from './corpus-files.ts'
import { readsCorpus } from './corpus-test.ts'

/** Rules handled when this test was written (3,720 of 3,780); a drop is a regression. */
const HANDLED_AT_LEAST = 3700

test(
  'generated events give the verdicts their labels promise, for every rule handled',
  readsCorpus,
  () => {
    let handled = 0
    const wrong: string[] = []
    for (const file of corpusRuleFiles()) {
      const text = readFileSync(file, 'utf8')
      const options = placeholderOptions(text)
      const rule = compileRule(text, options).rule
      if (!rule) continue
      const { events } = generateEvents(text, options)
      if (events.length === 0) continue
      handled++
      if (events[0]?.expect !== true) wrong.push(`${sigmaPath(file)}: first event is not a match`)
      for (const e of events)
        if (evaluate(rule, JSON.parse(JSON.stringify(e.event))) !== e.expect)
          wrong.push(`${sigmaPath(file)}: ${e.label}`)
    }
    expect(wrong).toEqual([])
    expect(handled).toBeGreaterThanOrEqual(HANDLED_AT_LEAST)
  },
)
