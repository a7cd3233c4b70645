/**
 * The worker's half of streaming `eval`: parse one batch of events text (see event-batches.ts)
 * and hand each event to the command's consumer, in order. A record that is not JSON is
 * reported with its line and column and skipped; the good events around it still count.
 *
 * NDJSON is decoded line by line: an ASCII line becomes a one-byte string by a copy, and a
 * line with other characters is decoded alone. Decoding a whole batch that holds a few such
 * characters made every event a two-byte string, at ten times the cost, and slowed every
 * string operation after it.
 */
import { isAscii } from 'node:buffer'
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
  /** Column of the batch's first character on that line (an XML batch starts mid-line). */
  firstColumn: number
  /** NDJSON: every line is one event (or, rarely, several back to back). */
  lines: boolean
}

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

/**
 * Where the worker is, for the watchdog: written before each event is evaluated. `start` and
 * `end` are offsets into the batch: of its bytes when `inBytes` (NDJSON), else of its text.
 */
export type Progress = (
  event: number,
  seq: number,
  start: number,
  end: number,
  inBytes: boolean,
) => void

/** An event's value and where it is; `locate` is asked only when the event must be named. */
type Emit = (
  value: unknown,
  start: number,
  end: number,
  locate: () => { line: number; col: number },
) => void
type Report = (diagnostic: EventsDiagnostic, line: number, col: number) => void

const NEWLINE = 0x0a

/** One line of NDJSON as text; see the file's comment. */
function lineText(bytes: Buffer, start: number, end: number): string {
  const line = bytes.subarray(start, end)
  return line.toString(isAscii(line) ? 'latin1' : 'utf8')
}

/** The UTF-8 length of `text`'s first `chars` characters. */
function bytesBefore(text: string, chars: number, textBytes: number): number {
  if (chars === 0) return 0
  if (chars >= text.length) return textBytes
  return text.length === textBytes ? chars : Buffer.byteLength(text.slice(0, chars))
}

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
    const result: BatchOutput = { seq: input.seq, out: '', errors: [], malformed: 0 }
    const lines: string[] = []
    const inBytes = input.lines
    const emit: Emit = (value, start, end, locate) => {
      const index = this.nextEvent++
      this.progress(index, input.seq, start, end, inBytes)
      this.parsing(false)
      const line = this.consume(index, value)
      this.parsing(true)
      if (isEventFailure(line)) {
        // No verdict line for this event: the failure is reported, never printed as a miss.
        const at = locate()
        const diagnostic = eventFailureDiagnostic(index, [start, end], line)
        result.errors.push(
          `${this.eventsName}:${at.line}:${at.col} error ${diagnostic.code} ${diagnostic.message}`,
        )
      } else if (line !== '') lines.push(line)
    }
    const report: Report = (diagnostic, line, col) => {
      result.malformed++
      if (this.malformedSeen++ < MAX_ERROR_MESSAGES)
        result.errors.push(
          `${this.eventsName}:${line}:${col} error ${diagnostic.code} malformed events: ${diagnostic.message}`,
        )
    }
    if (input.lines) this.runLines(input, emit, report)
    else this.runText(decodeBatch(input.bytes), input, emit, report)
    this.parsing(false)
    if (lines.length > 0) result.out = lines.join('\n') + '\n'
    return result
  }

  /** NDJSON: JSON.parse each line; only a line that fails goes through the full reader. */
  private runLines(batch: BatchInput, emit: Emit, report: Report): void {
    const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length)
    let line = batch.firstLine
    for (let start = 0; start < bytes.length; line++) {
      let end = bytes.indexOf(NEWLINE, start)
      if (end < 0) end = bytes.length
      const text = lineText(bytes, start, end)
      if (text.trim() !== '') {
        const lineNo = line
        const textBytes = end - start
        const place = (value: unknown, [from, to]: readonly [number, number]) =>
          emit(
            value,
            start + bytesBefore(text, from, textBytes),
            start + bytesBefore(text, to, textBytes),
            () => ({ line: lineNo, col: from + 1 }),
          )
        let value: unknown
        let parsed = false
        try {
          value = JSON.parse(text)
          parsed = true
        } catch {
          const read = parseEvents(text)
          for (const record of read.events) place(record.value, record.range)
          for (const diagnostic of read.diagnostics)
            report(diagnostic, line, diagnostic.range[0] + 1)
        }
        // A search response on one line holds many events, as in a whole file.
        if (parsed)
          for (const record of expandContainers(text, [{ value, range: [0, text.length] }]))
            place(record.value, record.range)
      }
      start = end + 1
    }
  }

  /** Pretty-printed records, an array or anything else: the engine's reader over the batch. */
  private runText(text: string, batch: BatchInput, emit: Emit, report: Report): void {
    const read = parseEvents(text)
    let positions: LineIndex | undefined
    const locate = (offset: number) => {
      const at = (positions ??= new LineIndex(text)).position(offset)
      const col = at.line === 1 ? batch.firstColumn - 1 + at.col : at.col
      return { line: batch.firstLine + at.line - 1, col }
    }
    for (const { value, range } of read.events)
      emit(value, range[0], range[1], () => locate(range[0]))
    for (const diagnostic of read.diagnostics) {
      const { line, col } = locate(diagnostic.range[0])
      report(diagnostic, line, col)
    }
  }
}
