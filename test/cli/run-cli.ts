/** Run the real CLI as users do: `node bin/sigma-play.js …` in a child process. */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { READ_AHEAD_MS } from '../../src/cli/events-input.ts'

export const BIN = fileURLToPath(new URL('../../bin/sigma-play.js', import.meta.url))

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 28,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * The CLI with `input` written to its stdin, which stays open a second longer: well past the
 * CLI's read-ahead (events-input.ts) even when a loaded machine is slow to start it, so even a
 * small input is streamed to the worker.
 */
export async function runCliHeldStdin(args: string[], input: string): Promise<CliResult> {
  const holdMs = 20 * READ_AHEAD_MS
  const child = spawn(process.execPath, [BIN, ...args])
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  child.stdin.on('error', () => {}) // the CLI may stop reading first (a timeout)
  child.stdin.write(input)
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  await new Promise((resolve) => setTimeout(resolve, holdMs))
  child.stdin.end()
  return { status: await closed, stdout, stderr }
}

/** A fresh temp folder with the given files (relative paths → contents). */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-play-cli-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}
