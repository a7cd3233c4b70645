/**
 * Where the shared SigmaHQ corpus lives and which files in it are rules. The corpus sits
 * beside the repository (../shared/corpus), resolved from this file so that a fresh clone
 * placed next to shared/ finds it whatever the working directory.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EngineOptions } from '../../src/engine/types.ts'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus')
export const SIGMAHQ_DIR = join(CORPUS_DIR, 'sigmahq')
export const REGRESSION_INDEX = join(CORPUS_DIR, 'regression-index.json')

/** The folders SigmaHQ keeps rules in: rules, rules-emerging-threats, rules-placeholder… */
export function ruleFolders(): string[] {
  return readdirSync(SIGMAHQ_DIR)
    .filter((name) => /^rules/.test(name))
    .sort()
    .map((name) => join(SIGMAHQ_DIR, name))
}

function walk(dir: string, into: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, into)
    else if (/\.ya?ml$/i.test(name)) into.push(path)
  }
}

/** Absolute paths of every rule file, in a stable order. */
export function corpusRuleFiles(): string[] {
  const files: string[] = []
  for (const folder of ruleFolders()) walk(folder, files)
  return files
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
