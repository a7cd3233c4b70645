/**
 * The CLI's contact with the file system and its standard streams, so the commands stay plain
 * functions of their arguments. Rule files are read with a size cap: `--rule /dev/zero` or a
 * multi-gigabyte file gets a clear error instead of exhausting memory.
 */
import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { decodeFileText } from '../engine/index.ts'

/** No real rule comes near this (SigmaHQ's largest is about 60 KB). */
export const MAX_RULE_BYTES = 1 << 20

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** A rule file's text, refused past MAX_RULE_BYTES. */
  readFile(path: string): string
  /** 'file' (anything readable that is not a folder), 'dir', or null when it cannot be reached. */
  kind(path: string): 'file' | 'dir' | null
  /**
   * A folder's entries with what they are, as the folder itself says (no call per entry):
   * 'other' for links and anything else, which `kind` and `realpath` then answer.
   */
  entries(dir: string): { name: string; type: 'file' | 'dir' | 'other' }[]
  /** The path with every symlink resolved, to see each file and folder once. */
  realpath(path: string): string
}

export class TooLargeError extends Error {}

/**
 * Every read goes through this one buffer and keeps a copy of what it got: a rule is a few kB,
 * and a fresh 64 kB buffer per file made reading SigmaHQ's 3,754 rules allocate 240 MB.
 */
const scratch = Buffer.allocUnsafe(1 << 16)

/** Reads at most `limit` bytes, so endless files (/dev/zero, a FIFO) stop at the cap. */
export function readCapped(path: string, limit: number, what: string): string {
  const fd = openSync(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const read = readSync(fd, scratch, 0, Math.min(scratch.length, limit + 1 - total), null)
      if (read === 0) break
      chunks.push(Buffer.from(scratch.subarray(0, read)))
      total += read
      if (total > limit) {
        throw new TooLargeError(
          `${what} is over ${limit / (1 << 20)} MB, the limit for one ${what}`,
        )
      }
    }
    return decodeFileText(Buffer.concat(chunks))
  } finally {
    closeSync(fd)
  }
}

export const nodeIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readFile: (path) => readCapped(path, MAX_RULE_BYTES, 'rule'),
  kind(path) {
    try {
      return statSync(path).isDirectory() ? 'dir' : 'file'
    } catch {
      return null
    }
  },
  entries: (dir) =>
    readdirSync(dir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      type: entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other',
    })),
  realpath: (path) => realpathSync(path),
}

/** Node's fs messages already say what and where ("ENOENT: no such file or directory, open 'x'"). */
export function describeIoError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
