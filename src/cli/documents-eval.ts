/**
 * `eval --rule` on a text of several documents: when it holds several detection rules or a
 * correlation, every event is needed at once (windows look back and forward in time), so the
 * events are read whole and evaluated here instead of streamed. Errors in the rule file or a
 * `--filter` file are printed against that file's own lines, before anything runs.
 */
import {
  compileSet,
  LineIndex,
  parseEvents,
  summarizeShapes,
  withShapePipeline,
} from '../engine/index.ts'
import type { EvalArgs } from './args.ts'
import { readWhole, type EventsInput } from './events-input.ts'
import { describeIoError, type CliIo } from './io.ts'
import { formatSourced, readRuleSources } from './rule-sources.ts'
import { writeSetResults } from './set-output.ts'
import { statsLine } from './stats.ts'

/** An exit status, or 'stream' when the text is one rule (with filters) for the streaming run. */
export async function runDocuments(
  args: EvalArgs,
  io: CliIo,
  input: EventsInput,
): Promise<number | 'stream'> {
  const sources = readRuleSources([args.rules[0] as string, ...args.filters], io)
  if (!sources) return 2
  let set = compileSet(sources.text, args.engine)
  const compiled = performance.now()
  const blocking = set.diagnostics.filter(
    (d) => d.severity === 'error' && d.code !== 'BAD_METADATA',
  )
  if (blocking.length > 0) {
    for (const d of blocking) io.err(formatSourced(sources, d) + '\n')
    return 2
  }
  if (set.rules.length <= 1 && set.correlations.length === 0) return 'stream'
  for (const d of set.diagnostics)
    if (d.severity === 'error') io.err(formatSourced(sources, d) + '\n')

  let text: string
  try {
    text = await readWhole(input)
  } catch (error) {
    io.err(`sigma-play: cannot read events ${input.name}: ${describeIoError(error)}\n`)
    return 2
  }
  const parsed = parseEvents(text)
  if (parsed.diagnostics.length > 0) {
    const positions = new LineIndex(text)
    for (const diagnostic of parsed.diagnostics) {
      const { line, col } = positions.position(diagnostic.range[0])
      io.err(`${input.name}:${line}:${col} error malformed events: ${diagnostic.message}\n`)
    }
    return 2
  }
  const events = parsed.events.map((r) => r.value)
  // As the page does: the pipeline the events' commonest shape calls for, unless the user set one.
  const { eventShape, flattenEvtx } = args.engine
  const body = summarizeShapes(events, eventShape, flattenEvtx !== false).body
  const engine = withShapePipeline(args.engine, body)
  if (engine !== args.engine) set = compileSet(sources.text, engine)
  const options = args.timeField ? { ...engine, timeField: args.timeField } : engine
  writeSetResults(set, events, args.output, options, io)
  const ran = { rules: set.rules.length + set.correlations.length, events: events.length }
  if (args.stats) io.err(statsLine(ran, compiled, performance.now()))
  return 0
}
