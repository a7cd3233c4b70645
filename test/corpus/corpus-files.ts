/**
 * Where the shared SigmaHQ corpus lives and which files in it are rules. The corpus sits
 * beside the repository (../shared/corpus), resolved from this file so that a fresh clone
 * placed next to shared/ finds it whatever the working directory.
 */
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findRuleFiles } from '../../src/cli/find-rules.ts'
import { nodeIo } from '../../src/cli/io.ts'
import type { EngineOptions } from '../../src/engine/types.ts'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus')
export const SIGMAHQ_DIR = join(CORPUS_DIR, 'sigmahq')
export const REGRESSION_INDEX = join(CORPUS_DIR, 'regression-index.json')

/** The folders SigmaHQ keeps rules in: rules, rules-emerging-threats, rules-placeholder… */
export function ruleFolders(): string[] {
  return readdirSync(SIGMAHQ_DIR)
    .filter((name) => /^rules/.test(name))
    .sort()
    .map((name) => join(SIGMAHQ_DIR, name))
}

/** Absolute paths of every rule file, in a stable order: the files `sigma-play check` sees. */
export function corpusRuleFiles(): string[] {
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
