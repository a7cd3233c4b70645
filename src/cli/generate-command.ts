/**
 * `sigma-play generate`: events made from a rule, one JSON line each
 * (`{"label":…,"expect":…,"event":{…}}`), every one checked by the engine. Nothing to
 * generate is an error (exit 2) with the reason.
 */
import { compileRule, generateEvents, formatDiagnostic, LineIndex } from '../engine/index.ts'
import type { GenerateArgs } from './args.ts'
import { describeIoError, type CliIo } from './io.ts'

export function runGenerate(args: GenerateArgs, io: CliIo): number {
  let text: string
  try {
    text = io.readFile(args.rule)
  } catch (error) {
    io.err(`sigma-play: cannot read rule ${args.rule}: ${describeIoError(error)}\n`)
    return 2
  }
  const errors = compileRule(text, args.engine).diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    const lines = new LineIndex(text)
    for (const diagnostic of errors) io.err(formatDiagnostic(args.rule, lines, diagnostic) + '\n')
    return 2
  }
  const result = generateEvents(text, args.engine)
  if (result.events.length === 0) {
    io.err(
      `sigma-play: cannot generate events for ${args.rule}: ${result.problem ?? 'no reason given'}\n`,
    )
    return 2
  }
  io.out(
    result.events
      .map((e) => JSON.stringify({ label: e.label, expect: e.expect, event: e.event }) + '\n')
      .join(''),
  )
  return 0
}
