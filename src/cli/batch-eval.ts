/**
 * The worker's half of streaming `eval`: parse one batch of events text (see event-batches.ts)
 * and hand each event to the command's consumer, in order. A record that is not JSON is
 * reported with its line and column and skipped; the good events around it still count.
 */
import {
  eventFailureDiagnostic,
  expandContainers,
  isEventFailure,
  LineIndex,
  parseEvents,
} from '../engine/index.ts'
import type { EventFailure, EventsDiagnostic } from '../engine/index.ts'
import { decodeBatch } from './event-batches.ts'

export interface BatchInput {
  seq: number
  /** UTF-8, decoded here: the reading thread only cuts bytes at newlines. */
  bytes: Uint8Array
  firstLine: number
  /** NDJSON: every line is one event (or, rarely, several back to back). */
  lines: boolean
}

type TextBatch = Omit<BatchInput, 'bytes'> & { text: string }

/** What a batch produced: output text, and the malformed records' messages. */
export interface BatchOutput {
  seq: number
  out: string
  /** The first few malformed-record messages; the rest are only counted. */
  errors: string[]
  malformed: number
}

/**
 * Per-event work: returns the output text for the event (without newline), '' for none, or
 * the engine's failure on it (reported on stderr with the event's index and position).
 */
export type EventConsumer = (index: number, value: unknown) => string | EventFailure

/** Where the worker is, for the watchdog: written before each event is evaluated. */
export type Progress = (event: number, seq: number, start: number, end: number) => void

/** Told when parsing starts (true) and ends (false). */
export type Parsing = (busy: boolean) => void

/** Messages beyond this many are counted and summarised, not printed (100k bad lines). */
export const MAX_ERROR_MESSAGES = 20

export class BatchEvaluator {
  private nextEvent = 0
  private malformedSeen = 0

  constructor(
    private readonly eventsName: string,
    private readonly consume: EventConsumer,
    private readonly progress: Progress,
    private readonly parsing: Parsing,
  ) {}

  get events(): number {
    return this.nextEvent
  }

  run(input: BatchInput): BatchOutput {
    this.parsing(true)
    const batch = { ...input, text: decodeBatch(input.bytes) }
    const result: BatchOutput = { seq: batch.seq, out: '', errors: [], malformed: 0 }
    const lines: string[] = []
    let positions: LineIndex | undefined
    const emit = (value: unknown, start: number, end: number) => {
      const index = this.nextEvent++
      this.progress(index, batch.seq, start, end)
      this.parsing(false)
      const line = this.consume(index, value)
      this.parsing(true)
      if (isEventFailure(line)) {
        // No verdict line for this event: the failure is reported, never printed as a miss.
        const at = (positions ??= new LineIndex(batch.text)).position(start)
        const diagnostic = eventFailureDiagnostic(index, [start, end], line)
        result.errors.push(
          `${this.eventsName}:${batch.firstLine + at.line - 1}:${at.col} error ${diagnostic.code} ${diagnostic.message}`,
        )
      } else if (line !== '') lines.push(line)
    }
    const report = (diagnostic: EventsDiagnostic, line: number, col: number) => {
      result.malformed++
      if (this.malformedSeen++ < MAX_ERROR_MESSAGES)
        result.errors.push(
          `${this.eventsName}:${line}:${col} error ${diagnostic.code} malformed events: ${diagnostic.message}`,
        )
    }
    if (batch.lines) this.runLines(batch, emit, report)
    else this.runText(batch, emit, report)
    this.parsing(false)
    if (lines.length > 0) result.out = lines.join('\n') + '\n'
    return result
  }

  /** NDJSON: JSON.parse each line; only a line that fails goes through the full reader. */
  private runLines(
    batch: TextBatch,
    emit: (value: unknown, start: number, end: number) => void,
    report: (diagnostic: EventsDiagnostic, line: number, col: number) => void,
  ): void {
    const { text } = batch
    let line = batch.firstLine
    for (let start = 0; start < text.length; line++) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      const lineText = text.slice(start, end)
      if (lineText.trim() !== '') {
        let value: unknown
        let parsed = false
        try {
          value = JSON.parse(lineText)
          parsed = true
        } catch {
          const read = parseEvents(lineText)
          for (const record of read.events)
            emit(record.value, start + record.range[0], start + record.range[1])
          for (const diagnostic of read.diagnostics)
            report(diagnostic, line, diagnostic.range[0] + 1)
        }
        // A search response on one line holds many events, as in a whole file.
        if (parsed)
          for (const record of expandContainers(lineText, [{ value, range: [0, end - start] }]))
            emit(record.value, start + record.range[0], start + record.range[1])
      }
      start = end + 1
    }
  }

  /** Pretty-printed records, an array or anything else: the engine's reader over the batch. */
  private runText(
    batch: TextBatch,
    emit: (value: unknown, start: number, end: number) => void,
    report: (diagnostic: EventsDiagnostic, line: number, col: number) => void,
  ): void {
    const read = parseEvents(batch.text)
    for (const record of read.events) emit(record.value, record.range[0], record.range[1])
    if (read.diagnostics.length === 0) return
    const positions = new LineIndex(batch.text)
    for (const diagnostic of read.diagnostics) {
      const { line, col } = positions.position(diagnostic.range[0])
      report(diagnostic, batch.firstLine + line - 1, col)
    }
  }
}
