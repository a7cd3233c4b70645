/**
 * A Playwright reporter that ends a run without the SigmaHQ corpus with one line: how many
 * browser tests skipped for it, and how to run them. Silent when the corpus was there.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { CORPUS_MISSING } from '../test/corpus/corpus-files.ts'

export default class CorpusSkipReporter implements Reporter {
  private skipped = 0

  onTestEnd(test: TestCase, result: TestResult): void {
    const forCorpus = [...test.annotations, ...result.annotations].some(
      (a) => a.type === 'skip' && a.description === CORPUS_MISSING,
    )
    if (result.status === 'skipped' && forCorpus) this.skipped++
  }

  onEnd(): void {
    if (this.skipped > 0) console.log(`${CORPUS_MISSING}: ${this.skipped} corpus tests skipped`)
  }

  printsToStdio(): boolean {
    return false
  }
}
