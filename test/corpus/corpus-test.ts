/**
 * Declaring the tests that read the SigmaHQ corpus: tagged `corpus`, and skipped when there is
 * none, so that a fresh clone with nothing beside it passes. The run then ends with one line
 * saying what was skipped and how to run it (skip-reporter.ts), not one line per test.
 */
import { test } from 'vitest'
import { hasCorpus } from './corpus-files.ts'

export const CORPUS_TAG = 'corpus'

/** Options for a `describe` or `test` that reads the corpus. */
export const readsCorpus = { tags: [CORPUS_TAG], skip: !hasCorpus }

/**
 * `test.each` over rows read from the corpus. Without the corpus there are no rows, so one
 * skipped test stands in for them: the file still declares a test and the skip is counted.
 */
export function testEachCorpus<T>(
  rows: () => readonly (readonly [string, T])[],
  name: string,
  fn: (key: string, row: T) => void | Promise<void>,
): void {
  if (!hasCorpus) {
    test(name.replace('%s', 'each entry'), readsCorpus, () => {})
    return
  }
  test.each(rows())(name, readsCorpus, fn)
}
