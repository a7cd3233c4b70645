/**
 * Cuts a stream of events text into batches that end on an event boundary, so each batch can
 * be parsed and evaluated on its own while the rest is still being read, in memory bounded by
 * the cap on one event. The layout is judged from the first event:
 * - on one line (NDJSON): batches end at a newline;
 * - over several lines (evtx_dump's pretty-printed objects): batches end before a line that
 *   starts with `{` or `[`, where evtx_dump starts each record;
 * - a JSON array (`[` first) or CSV (its header names every row's cells): read whole, up to
 *   MAX_ARRAY_CHARS, and parsed as one text.
 */
import { findValueEnd, looksLikeCsv, skipWhitespace } from '../engine/index.ts'

/** One event above this is refused: no real log record comes near it. */
export const MAX_EVENT_CHARS = 16 << 20
/** A JSON array cannot be cut into events before it is whole; past this, NDJSON is the way. */
export const MAX_ARRAY_CHARS = 256 << 20

export interface Batch {
  text: string
  /** 1-based line of the batch's first character in the whole input. */
  firstLine: number
}

export class InputTooLarge extends Error {
  constructor(
    message: string,
    /** Line where the oversized event or array starts. */
    readonly line: number,
  ) {
    super(message)
  }
}

type Layout = 'unknown' | 'lines' | 'records' | 'array'

const MB = (chars: number) => `${chars >> 20} MB`

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

export class BatchSplitter {
  private layout: Layout = 'unknown'
  private pending = ''
  private line = 1
  private started = false

  /** Whether batches hold one event per line (NDJSON), so the worker can split them fast. */
  get lines(): boolean {
    return this.layout === 'lines'
  }

  /** Batches complete so far; throws InputTooLarge when one event outgrows the cap. */
  push(text: string): Batch[] {
    if (!this.started && text.length > 0) {
      // A byte-order mark is not part of the first event.
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    this.pending += text
    if (this.layout === 'unknown') this.layout = this.judgeLayout()
    const batch = this.layout === 'unknown' || this.layout === 'array' ? null : this.cut()
    this.checkSize()
    return batch ? [batch] : []
  }

  /** What is left when the input ends. */
  end(): Batch[] {
    const text = this.pending
    this.pending = ''
    return text.length > 0 ? [{ text, firstLine: this.line }] : []
  }

  private judgeLayout(): Layout {
    const start = skipWhitespace(this.pending, 0)
    if (start >= this.pending.length) return 'unknown'
    if (this.pending[start] === '[') return 'array'
    // The header line must be whole before it can be judged.
    if (this.pending.indexOf('\n', start) < 0) return 'unknown'
    if (looksLikeCsv(this.pending, start)) return 'array'
    const end = findValueEnd(this.pending, start)
    // An open first value may yet close: wait for more (the size cap still applies).
    if (end < 0) return 'unknown'
    return this.pending.slice(start, end).includes('\n') ? 'records' : 'lines'
  }

  private cut(): Batch | null {
    const text = this.pending
    const at =
      this.layout === 'lines'
        ? text.lastIndexOf('\n') + 1
        : Math.max(text.lastIndexOf('\n{'), text.lastIndexOf('\n[')) + 1
    if (at <= 0) return null
    const batch = { text: text.slice(0, at), firstLine: this.line }
    this.pending = text.slice(at)
    this.line += countLines(batch.text)
    return batch
  }

  private checkSize(): void {
    if (this.layout === 'array') {
      if (this.pending.length > MAX_ARRAY_CHARS)
        throw new InputTooLarge(
          `a JSON array or CSV over ${MB(MAX_ARRAY_CHARS)} cannot be streamed; write one event per line (NDJSON)`,
          this.line,
        )
    } else if (this.pending.length > MAX_EVENT_CHARS) {
      throw new InputTooLarge(
        `one event is over ${MB(MAX_EVENT_CHARS)}, the limit for one event`,
        this.line,
      )
    }
  }
}
