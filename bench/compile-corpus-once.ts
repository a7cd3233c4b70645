/**
 * One cold compile of the SigmaHQ corpus in a fresh process, printed as JSON: the engine bench
 * runs it in turn with and without warnings, so "cold" means a process that compiled nothing.
 * `errors-only` compiles as `eval` and the page's rule sets do (`{ warnings: false }`).
 */
import { readFileSync } from 'node:fs'
import { compileRule } from '../src/engine/index.ts'
import { corpusRuleFiles, placeholderOptions } from '../test/corpus/corpus-files.ts'
import { timeOnce } from './measure.ts'

const warnings = process.argv[2] !== 'errors-only'
const texts = corpusRuleFiles().map((file) => {
  const text = readFileSync(file, 'utf8')
  return [text, placeholderOptions(text)] as const
})
const timing = timeOnce(() => {
  let errors = 0
  for (const [text, options] of texts)
    for (const d of compileRule(text, options, { warnings }).diagnostics)
      if (d.severity === 'error') errors++
  return errors
})
console.log(JSON.stringify({ ...timing, rules: texts.length }))
