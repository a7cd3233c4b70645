/**
 * The CLI entry point, bundled into dist-cli/sigma-play.cjs and run by bin/sigma-play.js.
 * The exit code is set rather than forced with process.exit so that output is flushed first.
 */
import { nodeIo } from './io.ts'
import { runCli } from './run.ts'

async function main(): Promise<void> {
  // `sigma-play eval … | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    process.stderr.write(`sigma-play: cannot write the output: ${error.message}\n`)
    process.exit(2)
  })
  try {
    process.exitCode = await runCli(process.argv.slice(2), nodeIo)
  } catch (error) {
    // The engine promises never to throw; if something does, say so plainly, without a stack.
    process.stderr.write(
      `sigma-play: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 3
  }
}

void main()
