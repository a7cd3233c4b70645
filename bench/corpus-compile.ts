/**
 * The SigmaHQ corpus as the compile figures time it: every file read first, so that only
 * compileRule is timed, and placeholder rules given values (as in the corpus test), so that no
 * rule stops at an error.
 */
import { readFileSync } from 'node:fs'
import { compileRule, type EngineOptions } from '../src/engine/index.ts'
import { corpusRuleFiles, placeholderOptions } from '../test/corpus/corpus-files.ts'

export type CorpusTexts = readonly (readonly [string, EngineOptions])[]

export const readCorpusTexts = (): CorpusTexts =>
  corpusRuleFiles().map((file) => {
    const text = readFileSync(file, 'utf8')
    return [text, placeholderOptions(text)] as const
  })

/** Compiles every text; returns how many error diagnostics they gave. */
export function compileCorpus(texts: CorpusTexts, warnings = true): number {
  let errors = 0
  for (const [text, options] of texts)
    for (const d of compileRule(text, options, { warnings }).diagnostics)
      if (d.severity === 'error') errors++
  return errors
}
