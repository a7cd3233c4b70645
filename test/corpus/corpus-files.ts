/**
 * Where the SigmaHQ corpus lives and which files in it are rules. `SIGMA_CORPUS` names a folder
 * laid out like ../shared/corpus (`sigmahq/`, `regression-index.json`, `sigma-specification/`);
 * without it, ../shared/corpus beside the repository, resolved from this file so that any
 * working directory finds it. When neither exists, `CORPUS_DIR` is undefined and every test
 * that reads the corpus skips (see corpus-test.ts); the paths below then point where the
 * corpus would be, for messages only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findRuleFiles } from '../../src/cli/find-rules.ts'
import { nodeIo } from '../../src/cli/io.ts'
import type { EngineOptions } from '../../src/engine/types.ts'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BESIDE_REPO = join(REPO_ROOT, '..', 'shared', 'corpus')

function locateCorpus(): string | undefined {
  const fromEnv = process.env.SIGMA_CORPUS
  const candidates = fromEnv ? [resolve(fromEnv), BESIDE_REPO] : [BESIDE_REPO]
  return candidates.find((dir) => existsSync(join(dir, 'sigmahq')))
}

export const CORPUS_DIR = locateCorpus()
export const hasCorpus = CORPUS_DIR !== undefined
/** The one line a run prints when it skipped the corpus tests. */
export const CORPUS_MISSING =
  'SigmaHQ corpus not found (set SIGMA_CORPUS or put it at ../shared/corpus)'

const corpusDir = CORPUS_DIR ?? BESIDE_REPO
export const SIGMAHQ_DIR = join(corpusDir, 'sigmahq')
export const REGRESSION_INDEX = join(corpusDir, 'regression-index.json')
export const SPECIFICATION_DIR = join(corpusDir, 'sigma-specification')

/** The folders SigmaHQ keeps rules in: rules, rules-emerging-threats, rules-placeholder… */
export function ruleFolders(): string[] {
  if (!hasCorpus) return []
  return readdirSync(SIGMAHQ_DIR)
    .filter((name) => /^rules/.test(name))
    .sort()
    .map((name) => join(SIGMAHQ_DIR, name))
}

/** Absolute paths of every rule file, in a stable order: the files `sigma-play check` sees. */
export function corpusRuleFiles(): string[] {
  if (!hasCorpus) return []
  return findRuleFiles(ruleFolders(), nodeIo).files
}

/** `rules/windows/…/x.yml`: how SigmaHQ and the regression index name a rule. */
export const sigmaPath = (file: string) => relative(SIGMAHQ_DIR, file).split('\\').join('/')

export const usesExpand = (text: string) => /\|expand\b/.test(text)

/** `%name%` in an expand value; the option key is the name without the percent signs. */
export function placeholderOptions(text: string): EngineOptions {
  if (!usesExpand(text)) return {}
  const names = [...text.matchAll(/%([A-Za-z0-9_.-]+)%/g)].map((m) => m[1] ?? '')
  return {
    placeholders: Object.fromEntries(names.map((name) => [name, [`${name}-1`, `${name}-2`]])),
  }
}

/** The regression index's entries (each test's rule, events and expected counts); none without the corpus. */
export function readRegressionIndex<Entry>(): Entry[] {
  if (!hasCorpus) return []
  return JSON.parse(readFileSync(REGRESSION_INDEX, 'utf8')) as Entry[]
}
