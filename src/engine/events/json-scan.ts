/**
 * Small position-keeping JSON scanners over a text without copying it: finding where a value
 * ends (fast, not validating), and a validating walk that reports the first error offset and,
 * on request, every key and value range with its path.
 */
import type { Range } from '../types.ts'

const WS = new Set([0x20, 0x0a, 0x0d, 0x09, 0xfeff])

export function skipWhitespace(text: string, pos: number, end = text.length): number {
  while (pos < end && WS.has(text.charCodeAt(pos))) pos++
  return pos
}

/** Index just after a `"…"` string starting at `pos`, or -1 if it never closes. */
function stringEnd(text: string, pos: number, end: number): number {
  let i = pos + 1
  for (;;) {
    const quote = text.indexOf('"', i)
    if (quote < 0 || quote >= end) return -1
    let backslashes = 0
    for (let j = quote - 1; j > pos && text.charCodeAt(j) === 0x5c; j--) backslashes++
    if (backslashes % 2 === 0) return quote + 1
    i = quote + 1
  }
}

const DELIMITERS = new Set([0x20, 0x0a, 0x0d, 0x09, 0x2c, 0x5d, 0x7d, 0x5b, 0x7b, 0x22])

/**
 * Where the value starting at `pos` ends, matching brackets and skipping strings; -1 when a
 * bracket or string is left open. Does not validate: JSON.parse does that afterwards.
 */
export function findValueEnd(text: string, pos: number, end = text.length): number {
  const first = text.charCodeAt(pos)
  if (first === 0x22) return stringEnd(text, pos, end)
  if (first !== 0x7b && first !== 0x5b) {
    let i = pos + 1
    while (i < end && !DELIMITERS.has(text.charCodeAt(i))) i++
    return i
  }
  let depth = 0
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      const after = stringEnd(text, i, end)
      if (after < 0) return -1
      i = after - 1
    } else if (c === 0x7b || c === 0x5b) {
      depth++
    } else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}

export interface ScanError {
  offset: number
  message: string
}

export type Visitor = (path: string, keyRange: Range | undefined, valueRange: Range) => void

class Fault extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message)
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERALS = ['true', 'false', 'null']

/** An object or array whose members are being read. */
interface Open {
  close: '}' | ']'
  path: string
  keyRange: Range | undefined
  start: number
  index: number
}

/**
 * A validating walk that keeps its own stack of open containers, so any depth JSON.parse
 * accepts is walked too (no "nested too deeply"). Paths are joined as the traces name them
 * (`a.b`, `a[0]`) and only when someone visits them.
 */
class Walker {
  pos: number
  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly visit: Visitor | undefined,
  ) {
    this.pos = start
  }

  private ws(): void {
    this.pos = skipWhitespace(this.text, this.pos, this.end)
  }

  private at(ch: string): boolean {
    return this.pos < this.end && this.text[this.pos] === ch
  }

  private expect(ch: string, what: string): void {
    if (!this.at(ch)) throw new Fault(this.pos, `Expected ${what}`)
    this.pos++
  }

  private string(): string {
    const start = this.pos
    const after = stringEnd(this.text, start, this.end)
    if (after < 0) throw new Fault(start, 'Unterminated string')
    const slice = this.text.slice(start, after)
    for (let i = 1; i < slice.length - 1; i++)
      if (slice.charCodeAt(i) < 0x20) throw new Fault(start + i, 'Control character in string')
    this.pos = after
    try {
      return JSON.parse(slice) as string
    } catch {
      throw new Fault(start, 'Invalid escape in string')
    }
  }

  private scalar(): void {
    for (const lit of LITERALS)
      if (this.text.startsWith(lit, this.pos) && this.pos + lit.length <= this.end) {
        this.pos += lit.length
        return
      }
    NUMBER.lastIndex = this.pos
    const m = NUMBER.exec(this.text)
    if (!m || m[0].length === 0 || this.pos + m[0].length > this.end)
      throw new Fault(this.pos, 'Unexpected character')
    this.pos += m[0].length
  }

  /** Reads up to a member's value: the key and ':' in an object, nothing in an array. */
  private member(open: Open): { path: string; keyRange: Range | undefined } {
    const paths = this.visit !== undefined
    if (open.close === ']')
      return { path: paths ? `${open.path}[${open.index}]` : '', keyRange: undefined }
    this.ws()
    const keyStart = this.pos
    if (!this.at('"')) throw new Fault(keyStart, 'Expected a property name in double quotes')
    const key = this.string()
    const keyRange: Range = [keyStart, this.pos]
    this.ws()
    this.expect(':', "':'")
    return { path: paths ? (open.path ? `${open.path}.${key}` : key) : '', keyRange }
  }

  /** One whole value; each value is visited once it ends, innermost first. */
  value(): void {
    const stack: Open[] = []
    let path = ''
    let keyRange: Range | undefined
    for (;;) {
      this.ws()
      const start = this.pos
      if (start >= this.end) throw new Fault(start, 'Expected a value')
      const c = this.text[start]
      if (c === '{' || c === '[') {
        this.pos++
        this.ws()
        const close = c === '{' ? '}' : ']'
        if (!this.at(close)) {
          const open: Open = { close, path, keyRange, start, index: 0 }
          stack.push(open)
          ;({ path, keyRange } = this.member(open))
          continue
        }
        this.pos++
      } else if (c === '"') this.string()
      else this.scalar()
      this.visit?.(path, keyRange, [start, this.pos])
      // Close every container this value ended, or move on to the next member.
      for (let open = stack.at(-1); ; open = stack.at(-1)) {
        if (open === undefined) return
        this.ws()
        if (this.at(',')) {
          this.pos++
          open.index++
          ;({ path, keyRange } = this.member(open))
          break
        }
        this.expect(open.close, `',' or '${open.close}'`)
        stack.pop()
        this.visit?.(open.path, open.keyRange, [open.start, this.pos])
      }
    }
  }
}

/**
 * Walks one JSON value in `[start, end)`; returns the first error, or where the value ended.
 * Trailing text after the value is the caller's concern.
 */
export function walkJson(
  text: string,
  start: number,
  end: number,
  visit?: Visitor,
): { end: number; error?: undefined } | { error: ScanError } {
  const walker = new Walker(text, start, end, visit)
  try {
    walker.value()
    return { end: walker.pos }
  } catch (error) {
    if (error instanceof Fault) return { error: { offset: error.offset, message: error.message } }
    return { error: { offset: start, message: String(error) } }
  }
}
