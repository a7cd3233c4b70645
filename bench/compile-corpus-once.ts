/**
 * One cold compile of the SigmaHQ corpus in a fresh process, printed as JSON: the engine bench
 * runs it in turn with and without warnings, so "cold" means a process that compiled nothing.
 * `errors-only` compiles as `eval` and the page's rule sets do (`{ warnings: false }`).
 */
import { compileCorpus, readCorpusTexts } from './corpus-compile.ts'
import { timeOnce } from './measure.ts'

const warnings = process.argv[2] !== 'errors-only'
const texts = readCorpusTexts()
const timing = timeOnce(() => compileCorpus(texts, warnings))
console.log(JSON.stringify({ ...timing, rules: texts.length }))
