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

  /** The real path when not seen before; undefined when seen, or when it cannot be resolved. */
  private firstVisit(path: string, real?: string): string | undefined {
    if (real === undefined) {
      try {
        real = this.io.realpath(path)
      } catch {
        return undefined
      }
    }
    if (this.seen.has(real)) return undefined
    this.seen.add(real)
    return real
  }

  addFile(path: string, real?: string): void {
    if (this.firstVisit(path, real) !== undefined) this.files.push(path)
  }

  walk(dir: string, real?: string): void {
    const dirReal = this.firstVisit(dir, real)
    if (dirReal === undefined) return
    let entries: ReturnType<CliIo['entries']>
    try {
      entries = this.io.entries(dir).sort((a, b) => (a.name < b.name ? -1 : 1))
    } catch {
      return
    }
    for (const { name, type } of entries) {
      const path = join(dir, name)
      // A plain file or folder's real path follows from its folder's: only links (and entries
      // of unknown type) cost a call each.
      if (type === 'other') {
        const kind = this.io.kind(path)
        if (kind === 'dir') this.walk(path)
        else if (kind === 'file' && RULE_FILE.test(name)) this.addFile(path)
      } else if (type === 'dir') this.walk(path, join(dirReal, name))
      else if (RULE_FILE.test(name)) this.addFile(path, join(dirReal, name))
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
