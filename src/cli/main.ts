/**
 * The CLI entry point, loaded by bin/sigma-play.js. The exit code is set rather than forced
 * with process.exit so that large outputs written to a pipe are flushed first.
 */
import { nodeIo } from './io.ts'
import { runCli } from './run.ts'

// `sigma-play eval … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIo)
} catch (error) {
  // The engine promises never to throw; if it does, say so plainly instead of a bare stack.
  process.stderr.write(
    `sigma-play: internal error: ${error instanceof Error ? error.stack : error}\n`,
  )
  process.exitCode = 3
}
