/**
 * Cuts a stream of events text into batches that end on an event boundary, so each batch can
 * be parsed and evaluated on its own while the rest is still being read, in memory bounded by
 * the cap on one event. The layout is judged from the first event:
 * - on one line (NDJSON): batches end at a newline;
 * - over several lines (evtx_dump's pretty-printed objects): batches end before a line that
 *   starts with `{` or `[`, where evtx_dump starts each record;
 * - Windows event XML (`<` first): batches end before an `<Event>` (xml-cuts.ts);
 * - a JSON array (`[` first) or CSV (its header names every row's cells): read whole, up to
 *   MAX_ARRAY_BYTES, and parsed as one text.
 */
import { findValueEnd, looksLikeCsv, skipWhitespace, utf16Order } from '../engine/index.ts'
import { Utf16ToUtf8 } from './utf16-input.ts'
import { XmlCuts } from './xml-cuts.ts'

/** One event above this (UTF-8 bytes) is refused: no real log record comes near it. */
export const MAX_EVENT_BYTES = 16 << 20
/** A JSON array cannot be cut into events before it is whole; past this, NDJSON is the way. */
export const MAX_ARRAY_BYTES = 256 << 20

export interface Batch {
  /** UTF-8 bytes, cut at a newline (never inside a character); decoded by the worker. */
  bytes: Uint8Array
  /** 1-based line of the batch's first character in the whole input. */
  firstLine: number
  /** 1-based column of that character (XML is cut mid-line: wevtutil writes one line). */
  firstColumn: number
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

type Layout = 'unknown' | 'lines' | 'records' | 'xml' | 'array'

const MB = (bytes: number) => `${bytes >> 20} MB`
const NEWLINE = 0x0a

function countLines(bytes: Uint8Array): number {
  let n = 0
  for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) n++
  return n
}

/**
 * The UTF-16 length of UTF-8 `bytes`, as columns count (a string's indexes), without decoding:
 * every byte but a continuation byte starts a character, and one of four bytes takes two units.
 */
function columns(bytes: Uint8Array): number {
  let n = 0
  for (const byte of bytes) if ((byte & 0xc0) !== 0x80) n += byte >= 0xf0 ? 2 : 1
  return n
}

/**
 * A batch's text. The input's byte-order mark was dropped by the splitter; one at the start of
 * a later batch is a character of the event, as it was in the whole text.
 */
export function decodeBatch(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

/** A copy with a buffer of its own, so that it can be transferred to the worker. */
const own = (bytes: Uint8Array) => Uint8Array.prototype.slice.call(bytes)

/**
 * Works on bytes, not text: the reading thread only looks for newlines, and the worker decodes
 * each batch, so input is decoded once, on the thread that parses it.
 */
export class BatchSplitter {
  private layout: Layout = 'unknown'
  /** Input not yet handed over, in the chunks it came in (an array is joined only at the end). */
  private parts: Buffer[] = []
  private size = 0
  private line = 1
  private column = 1
  private xml: XmlCuts | undefined
  private utf16: Utf16ToUtf8 | undefined
  /** The input's first byte, when it came alone: two tell its encoding. */
  private head: Buffer | undefined
  private started = false
  /** Bytes pending when the layout was last judged unknown: see judgeLayout. */
  private judged = 0

  /** Whether batches hold one event per line (NDJSON), so the worker can split them fast. */
  get lines(): boolean {
    return this.layout === 'lines'
  }

  /** Batches complete so far; throws InputTooLarge when one event outgrows the cap. */
  push(input: Buffer): Batch[] {
    const chunk = this.asUtf8(input)
    this.parts.push(chunk)
    this.size += chunk.length
    if (this.layout === 'unknown' && this.judgeAgain()) this.layout = this.judgeLayout()
    const batch = this.layout === 'unknown' || this.layout === 'array' ? null : this.cut()
    this.checkSize()
    return batch ? [batch] : []
  }

  /** The chunk as UTF-8: UTF-16 input (see utf16-input.ts) is converted as it comes. */
  private asUtf8(chunk: Buffer): Buffer {
    if (this.utf16) return this.utf16.push(chunk)
    if (this.started) return chunk
    const head = this.head ? Buffer.concat([this.head, chunk]) : chunk
    this.head = head.length < 2 ? head : undefined
    if (this.head) return Buffer.alloc(0)
    this.started = true
    const order = utf16Order(head)
    if (order) {
      this.utf16 = new Utf16ToUtf8(order)
      return this.utf16.push(head)
    }
    // A byte-order mark is not part of the first event.
    return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head
  }

  /** What is left when the input ends. */
  end(): Batch[] {
    const tail = this.utf16?.end() ?? this.head
    if (tail && tail.length > 0) {
      this.parts.push(tail)
      this.size += tail.length
    }
    this.head = undefined
    const bytes = this.pending()
    this.parts = []
    this.size = 0
    return bytes.length > 0
      ? [{ bytes: own(bytes), firstLine: this.line, firstColumn: this.column }]
      : []
  }

  private pending(): Buffer {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts, this.size)]
    return this.parts[0] ?? Buffer.alloc(0)
  }

  /**
   * Judged again only once the input pending has doubled, so a first event that is still open
   * after many chunks costs linear time, not a scan of all of it per chunk; and always before
   * the cap on one event is checked, so an event under it is never refused.
   */
  private judgeAgain(): boolean {
    return this.size >= 2 * this.judged || this.size > MAX_EVENT_BYTES
  }

  private judgeLayout(): Layout {
    this.judged = this.size
    // Only the first event is looked at; a character cut at the end does not change it.
    const text = new TextDecoder().decode(this.pending())
    const start = skipWhitespace(text, 0)
    if (start >= text.length) return 'unknown'
    if (text[start] === '<') {
      this.xml = new XmlCuts()
      return 'xml'
    }
    // A JSON array has no line between events to cut at: it is read whole.
    if (text[start] === '[') return 'array'
    // The header line must be whole before it can be judged.
    if (text.indexOf('\n', start) < 0) return 'unknown'
    if (looksLikeCsv(text, start)) return 'array'
    const end = findValueEnd(text, start)
    // An open first value may yet close: wait for more (the size cap still applies).
    if (end < 0) return 'unknown'
    return text.slice(start, end).includes('\n') ? 'records' : 'lines'
  }

  private cut(): Batch | null {
    const bytes = this.pending()
    const at = this.xml
      ? this.xml.scan(bytes)
      : this.layout === 'lines'
        ? bytes.lastIndexOf(NEWLINE) + 1
        : Math.max(bytes.lastIndexOf('\n{'), bytes.lastIndexOf('\n[')) + 1
    if (at <= 0) return null
    this.xml?.shift(at)
    const batch = {
      bytes: own(bytes.subarray(0, at)),
      firstLine: this.line,
      firstColumn: this.column,
    }
    const rest = bytes.subarray(at)
    this.parts = rest.length > 0 ? [rest] : []
    this.size = rest.length
    this.line += countLines(batch.bytes)
    const lastNewline = batch.bytes.lastIndexOf(NEWLINE)
    this.column =
      lastNewline < 0
        ? this.column + columns(batch.bytes)
        : 1 + columns(batch.bytes.subarray(lastNewline + 1))
    return batch
  }

  private checkSize(): void {
    if (this.layout === 'array') {
      if (this.size > MAX_ARRAY_BYTES)
        throw new InputTooLarge(
          `a JSON array or CSV over ${MB(MAX_ARRAY_BYTES)} cannot be streamed; write one event per line (NDJSON)`,
          this.line,
        )
    } else if (this.size > MAX_EVENT_BYTES) {
      throw new InputTooLarge(
        `one event is over ${MB(MAX_EVENT_BYTES)}, the limit for one event`,
        this.line,
      )
    }
  }
}
