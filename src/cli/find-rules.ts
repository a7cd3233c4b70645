/**
 * The rule files `check` and `eval --rules` look at: explicit files as given, folders searched
 * recursively for *.yml and *.yaml, in sorted order so that output is stable across machines.
 * Every folder and file is visited once by its real path, so symlink loops end and a file
 * reached through two links counts once.
 */
import { join } from 'node:path'
import type { CliIo } from './io.ts'

const RULE_FILE = /\.ya?ml$/i

export interface RuleFiles {
  files: string[]
  /** Paths given on the command line that do not exist. */
  missing: string[]
}

class Finder {
  readonly files: string[] = []
  private readonly seen = new Set<string>()

  constructor(private readonly io: CliIo) {}

  /** False when the real path was seen already (or cannot be resolved). */
  firstVisit(path: string): boolean {
    let real: string
    try {
      real = this.io.realpath(path)
    } catch {
      return false
    }
    if (this.seen.has(real)) return false
    this.seen.add(real)
    return true
  }

  addFile(path: string): void {
    if (this.firstVisit(path)) this.files.push(path)
  }

  walk(dir: string): void {
    if (!this.firstVisit(dir)) return
    let names: string[]
    try {
      names = [...this.io.list(dir)].sort()
    } catch {
      return
    }
    for (const name of names) {
      const path = join(dir, name)
      const kind = this.io.kind(path)
      if (kind === 'dir') this.walk(path)
      else if (kind === 'file' && RULE_FILE.test(name)) this.addFile(path)
    }
  }
}

export function findRuleFiles(paths: string[], io: CliIo): RuleFiles {
  const finder = new Finder(io)
  const missing: string[] = []
  for (const path of paths) {
    const kind = io.kind(path)
    if (kind === 'file') finder.addFile(path)
    else if (kind === 'dir') finder.walk(path)
    else missing.push(path)
  }
  return { files: finder.files, missing }
}
