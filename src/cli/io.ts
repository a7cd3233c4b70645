/**
 * The CLI's only contact with the outside world, so the commands stay plain functions of
 * their arguments and can be driven in-process as well as from the bin wrapper.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  readFile(path: string): string
  readStdin(): Promise<string>
  /** 'file', 'dir', or null when the path does not exist or cannot be read. */
  kind(path: string): 'file' | 'dir' | null
  list(dir: string): string[]
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export const nodeIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: readAllStdin,
  kind(path) {
    try {
      const stat = statSync(path)
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null
    } catch {
      return null
    }
  },
  list: (dir) => readdirSync(dir),
}

/** Node's fs messages already say what and where ("ENOENT: no such file or directory, open 'x'"). */
export function describeIoError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
