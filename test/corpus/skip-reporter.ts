/**
 * A vitest reporter that ends a run without the SigmaHQ corpus with one line: how many corpus
 * tests were skipped, and how to run them. Silent when the corpus was there.
 */
import type { Reporter, TestModule } from 'vitest/node'
import { CORPUS_MISSING } from './corpus-files.ts'
import { CORPUS_TAG } from './corpus-test.ts'

export default class CorpusSkipReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    let skipped = 0
    for (const module of modules)
      for (const test of module.children.allTests('skipped'))
        if (test.tags.includes(CORPUS_TAG)) skipped++
    if (skipped > 0) console.log(`${CORPUS_MISSING}: ${skipped} corpus tests skipped`)
  }
}
