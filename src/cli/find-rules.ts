/**
 * The rule files `check` looks at: explicit files as given, folders searched recursively for
 * *.yml and *.yaml, in sorted order so that output is stable across machines.
 */
import { join } from 'node:path'
import type { CliIo } from './io.ts'

const RULE_FILE = /\.ya?ml$/i

export interface RuleFiles {
  files: string[]
  /** Paths given on the command line that do not exist. */
  missing: string[]
}

function walk(dir: string, io: CliIo, into: string[]): void {
  for (const name of [...io.list(dir)].sort()) {
    const path = join(dir, name)
    const kind = io.kind(path)
    if (kind === 'dir') walk(path, io, into)
    else if (kind === 'file' && RULE_FILE.test(name)) into.push(path)
  }
}

export function findRuleFiles(paths: string[], io: CliIo): RuleFiles {
  const files: string[] = []
  const missing: string[] = []
  for (const path of paths) {
    const kind = io.kind(path)
    if (kind === 'file') files.push(path)
    else if (kind === 'dir') walk(path, io, files)
    else missing.push(path)
  }
  return { files, missing }
}
