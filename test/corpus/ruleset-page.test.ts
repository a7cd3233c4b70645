/**
 * The page's "Which rules fire on these events?" over SigmaHQ: a few hundred real rules (every
 * regression test's rule and every tenth rule of the corpus) over the events of all 202
 * regression tests at once. Each rule's hits equal the page's analysis of that rule alone, and
 * each regression test's rule fires at least on its own recorded matches.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { runRuleSetNow } from '../../src/worker/ruleset-run.ts'
import { corpusRuleFiles, readRegressionIndex, sigmaPath, SIGMAHQ_DIR } from './corpus-files.ts'
import { readsCorpus } from './corpus-test.ts'

interface Entry {
  rule: string
  events: string
  reference_match_count: number
}

function corpusSet() {
  const entries = readRegressionIndex<Entry>()
  const regressionRules = new Set(entries.map((e) => e.rule))
  const sampled = corpusRuleFiles()
    .map(sigmaPath)
    .filter((path, i) => i % 10 === 0 && !regressionRules.has(path))
  const files = [...regressionRules, ...sampled].map((path) => ({
    path,
    text: readFileSync(join(SIGMAHQ_DIR, path), 'utf8'),
  }))
  // evtx_dump's objects one after another, as the events editor takes them.
  const events = entries.map((e) => readFileSync(join(SIGMAHQ_DIR, e.events), 'utf8')).join('\n')
  return { entries, files, events }
}

describe('rule sets over SigmaHQ', readsCorpus, () => {
  test('each rule’s hits equal the page’s analysis of it alone', () => {
    const { entries, files, events } = corpusSet()
    expect(files.length).toBeGreaterThan(500)
    const result = runRuleSetNow({ files, events, options: {} })
    expect(result.events).toBe(238)
    expect(result.errors.filter((e) => !/PLACEHOLDER|expand/i.test(e.message))).toEqual([])

    const analyzer = new Analyzer()
    analyzer.setEvents(events)
    const byPath = new Map(result.rules.map((r) => [r.path, r.hits]))
    for (const file of files) {
      analyzer.setRule(file.text, {})
      const alone = analyzer.analyze(0)
      if (!alone.compiled) continue
      expect(byPath.get(file.path), file.path).toBe(alone.counts.matches)
    }
    for (const entry of entries)
      expect(byPath.get(entry.rule) ?? 0, entry.rule).toBeGreaterThanOrEqual(
        entry.reference_match_count,
      )
    const fired = result.rules.filter((r) => r.hits > 0).length
    expect(fired).toBeGreaterThanOrEqual(entries.length * 0.9)
  })
})
