/**
 * The page's regression export (issue 8, "Keep"): every one of SigmaHQ's 202 regression tests,
 * read from its info.yml and written back by writeRegressionInfo, reads back to the same rule id
 * and the same test (name, type, path, match_count). The events file is exported verbatim.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { parseRegressionInfo, writeRegressionInfo } from '../../src/engine/index.ts'
import { readRegressionIndex, SIGMAHQ_DIR } from './corpus-files.ts'
import { readsCorpus } from './corpus-test.ts'

const index = readRegressionIndex<{ info: string; rule_title: string }>()

test('all 202 SigmaHQ regression tests round-trip through the export', readsCorpus, () => {
  expect(index.length).toBe(202)
  let tests = 0
  for (const entry of index) {
    const text = readFileSync(join(SIGMAHQ_DIR, entry.info), 'utf8')
    const info = parseRegressionInfo(text)
    if ('error' in info) throw new Error(`${entry.info}: ${info.error}`)
    const ownId = /^id:\s*(\S+)/m.exec(text)?.[1] ?? ''
    for (const one of info.tests) {
      const written = writeRegressionInfo({
        id: ownId,
        ruleId: info.ruleIds[0] ?? '',
        ruleTitle: entry.rule_title,
        date: '2026-11-29',
        test: one,
      })
      expect(parseRegressionInfo(written), entry.info).toEqual({
        ruleIds: info.ruleIds.slice(0, 1),
        tests: [one],
      })
      tests++
    }
  }
  expect(tests).toBeGreaterThanOrEqual(202)
})
