/**
 * Where a stream of Windows event XML (`wevtutil qe /f:xml`, a saved `<Events>` file) can be cut
 * so that each piece holds whole events: before the start tag of a top-level `<Event>`, once
 * an event before it has closed. wevtutil writes every event on one line, so there is no
 * newline to cut at.
 *
 * The bytes are scanned as they come, once each: markup is ASCII, so UTF-8 needs no decoding.
 * Comments, CDATA, declarations and quoted attribute values may hold any text, `</Event>`
 * included, and are stepped over; an element named Event inside an event (UserData may have
 * one) is counted, so the cut never falls inside the event that holds it.
 */

type State = 'text' | 'tag' | 'comment' | 'cdata' | 'declaration'

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const QUOTE = 0x22
const APOSTROPHE = 0x27

/** The longest opener told apart here, `<![CDATA[`, and one more byte. */
const LOOKAHEAD = 10

const CLOSERS: Record<'comment' | 'cdata' | 'declaration', string> = {
  comment: '-->',
  cdata: ']]>',
  declaration: '>',
}

/** After `<Event` or `</Event`: the name ends (`<Events>` is another element). */
const endsName = (byte: number | undefined) =>
  byte === GT || byte === SLASH || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false
  return true
}

export class XmlCuts {
  /** Next byte to scan, in the pending bytes. */
  private pos = 0
  private state: State = 'text'
  /** Inside a tag: the quote of the attribute value being read, or 0. */
  private quote = 0
  private tag: 'open' | 'close' | 'other' = 'other'
  /** `<Event>` elements open (nested ones included). */
  private depth = 0
  /** Whether some top-level event closed before the scanned point, in the pending bytes. */
  private closed = false
  /** Whether the top-level event starting at `cut` has closed. */
  private cutClosed = false
  private cut = -1

  /**
   * Scans the pending bytes (always from the same start; more of them each time) and returns
   * where the last top-level event that follows a closed one starts, or -1.
   */
  scan(bytes: Buffer): number {
    let pos = this.pos
    while (pos < bytes.length) {
      if (this.state === 'text') {
        const lt = bytes.indexOf(LT, pos)
        if (lt < 0) {
          pos = bytes.length
          break
        }
        // Too few bytes to tell what starts here: wait for more (the input's end needs no cut).
        if (bytes.length - lt < LOOKAHEAD) {
          pos = lt
          break
        }
        pos = this.markup(bytes, lt)
      } else if (this.state === 'tag') {
        pos = this.inTag(bytes, pos)
      } else {
        const closer = CLOSERS[this.state]
        const at = bytes.indexOf(closer, pos)
        if (at < 0) {
          pos = Math.max(pos, bytes.length - closer.length + 1)
          break
        }
        pos = at + closer.length
        this.state = 'text'
      }
    }
    this.pos = pos
    return this.cut
  }

  /** The first `at` bytes were handed over; offsets now count from there. */
  shift(at: number): void {
    this.pos -= at
    this.closed = this.cutClosed
    this.cut = -1
  }

  /** What the `<` at `lt` opens; returns where scanning goes on. */
  private markup(bytes: Buffer, lt: number): number {
    if (startsWith(bytes, lt, '<!--')) return this.enter('comment', lt + 4)
    if (startsWith(bytes, lt, '<![CDATA[')) return this.enter('cdata', lt + 9)
    // `<?xml …?>` ends at its `>` too.
    if (bytes[lt + 1] === 0x21 || bytes[lt + 1] === 0x3f) return this.enter('declaration', lt + 2)
    this.state = 'tag'
    this.quote = 0
    if (startsWith(bytes, lt, '</Event') && endsName(bytes[lt + 7])) {
      this.tag = 'close'
      return lt + 7
    }
    if (startsWith(bytes, lt, '<Event') && endsName(bytes[lt + 6])) {
      this.tag = 'open'
      if (this.depth === 0 && this.closed) {
        this.cut = lt
        this.cutClosed = false
      }
      return lt + 6
    }
    this.tag = 'other'
    return lt + 1
  }

  private enter(state: State, pos: number): number {
    this.state = state
    return pos
  }

  /** Inside a tag: to its `>`, stepping over quoted values (which may hold `>`). */
  private inTag(bytes: Buffer, pos: number): number {
    for (; pos < bytes.length; pos++) {
      const byte = bytes[pos] as number
      if (this.quote !== 0) {
        if (byte === this.quote) this.quote = 0
      } else if (byte === QUOTE || byte === APOSTROPHE) this.quote = byte
      else if (byte === GT) {
        this.endTag(bytes[pos - 1] === SLASH)
        this.state = 'text'
        return pos + 1
      }
    }
    return pos
  }

  private endTag(selfClosing: boolean): void {
    if (this.tag === 'open' && !selfClosing) this.depth++
    else if (this.tag === 'close' && this.depth > 0) this.depth--
    else if (this.tag !== 'open') return
    if (this.depth === 0) {
      this.closed = true
      if (this.cut >= 0) this.cutClosed = true
    }
  }
}
