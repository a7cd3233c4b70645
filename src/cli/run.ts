/** Dispatch from argv to a command; returns the exit code. */
import { parseCliArgs } from './args.ts'
import { runCheck } from './check-command.ts'
import { runEval } from './eval-command.ts'
import { runGenerate } from './generate-command.ts'
import type { CliIo } from './io.ts'
import { runTest } from './test-command.ts'
import { USAGE } from './usage.ts'

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // `test` parses its own arguments (test-command.ts): folders of tests and of rules.
  if (argv[0] === 'test') return runTest(argv.slice(1), io)
  const parsed = parseCliArgs(argv)
  if ('error' in parsed) {
    io.err(`sigma-play: ${parsed.error}\n\n${USAGE}`)
    return 2
  }
  const { args } = parsed
  switch (args.command) {
    case 'help':
      io.out(USAGE)
      return 0
    case 'eval':
      return runEval(args, io)
    case 'check':
      return runCheck(args, io)
    case 'generate':
      return runGenerate(args, io)
  }
}
