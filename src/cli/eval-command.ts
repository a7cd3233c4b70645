/**
 * `sigma-play eval`: one rule against the events of one file, one JSON line per event.
 * Output lines are part of the CLI contract, so their keys and order never change.
 */
import { compileRule, evaluate, explain, parseEvents, verdict } from '../engine/index.ts'
import type { EvalArgs } from './args.ts'
import { describeIoError, type CliIo } from './io.ts'
import { formatDiagnostic, lineColAt, lineStarts } from './positions.ts'

/** Lines are written in batches: one write per event is slow, one write for all is big. */
const BATCH = 1000

async function readEvents(args: EvalArgs, io: CliIo): Promise<string> {
  return args.events === '-' ? io.readStdin() : io.readFile(args.events)
}

export async function runEval(args: EvalArgs, io: CliIo): Promise<number> {
  let ruleText: string
  try {
    ruleText = io.readFile(args.rule)
  } catch (error) {
    io.err(`sigma-play: cannot read rule ${args.rule}: ${describeIoError(error)}\n`)
    return 2
  }
  const compiled = compileRule(ruleText, args.engine)
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    const starts = lineStarts(ruleText)
    for (const diagnostic of errors) io.err(formatDiagnostic(args.rule, starts, diagnostic) + '\n')
    return 2
  }
  const rule = compiled.rule
  if (rule === undefined) {
    const kind = compiled.kind ?? 'unknown'
    io.err(`sigma-play: ${args.rule} is a ${kind} rule, which eval cannot run on events\n`)
    return 2
  }

  const eventsName = args.events === '-' ? '<stdin>' : args.events
  let eventsText: string
  try {
    eventsText = await readEvents(args, io)
  } catch (error) {
    io.err(`sigma-play: cannot read events ${eventsName}: ${describeIoError(error)}\n`)
    return 2
  }
  const parsed = parseEvents(eventsText)
  if (parsed.diagnostics.length > 0) {
    const starts = lineStarts(eventsText)
    for (const diagnostic of parsed.diagnostics) {
      const { line, col } = lineColAt(starts, diagnostic.range[0])
      io.err(`${eventsName}:${line}:${col} error malformed events: ${diagnostic.message}\n`)
    }
    return 2
  }

  if (args.output === 'count') {
    let matches = 0
    for (const record of parsed.events) if (evaluate(rule, record.value)) matches++
    io.out(JSON.stringify({ events: parsed.events.length, matches }) + '\n')
    return 0
  }

  let batch: string[] = []
  parsed.events.forEach((record, index) => {
    if (args.output === 'explain') {
      const trace = explain(rule, record.value)
      const { match, identifiers } = trace
      batch.push(JSON.stringify({ event: index, match, identifiers, trace }))
    } else {
      const { match, identifiers } = verdict(rule, record.value)
      batch.push(JSON.stringify({ event: index, match, identifiers }))
    }
    if (batch.length >= BATCH) {
      io.out(batch.join('\n') + '\n')
      batch = []
    }
  })
  if (batch.length > 0) io.out(batch.join('\n') + '\n')
  return 0
}
