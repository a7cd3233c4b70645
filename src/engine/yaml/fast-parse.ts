/**
 * A fast path for the YAML that Sigma rules are actually written in: block maps and
 * sequences, compact maps in sequences (`- id: …`), one-line plain, quoted and flow-list
 * scalars, literal and folded block scalars. It builds the same `yaml` nodes, with the same
 * ranges, that `parseAllDocuments` builds, about five times faster; the corpus test checks
 * that on every SigmaHQ rule. Anything outside that subset (anchors, tags, flow maps,
 * multi-line plain scalars, odd numbers, duplicate keys, nesting past MAX_NESTING, errors…)
 * returns undefined and the caller falls back to the `yaml` package, which stays the reference.
 */
import type { Scalar, YAMLMap, YAMLSeq } from 'yaml'
import {
  Bail,
  bail,
  newMap,
  newPair,
  newScalar,
  newSeq,
  resolvePlain,
  unescapeDouble,
} from './fast-nodes.ts'
import { MAX_NESTING } from './depth.ts'

/** Characters that cannot start a plain scalar or key (or need the full parser). */
const PLAIN_START_BAIL = new Set([...',[]{}#&*!|>\'"%@`?:'])

/** `,` `[` `]` `{` `}`: where a plain scalar in a flow list ends. */
const FLOW_INDICATORS = new Set([0x2c, 0x5b, 0x5d, 0x7b, 0x7d])

type Node = Scalar | YAMLMap<unknown, unknown> | YAMLSeq<unknown>

export function fastParse(text: string): YAMLMap<unknown, unknown> | undefined {
  if (/[\t\r\uFEFF]/.test(text) || /^(---|\.\.\.|%)/m.test(text)) return undefined
  try {
    const parser = new FastParser(text)
    const line = parser.nextContent()
    if (!line || line.indent !== 0) return undefined
    const map = parser.blockMap(0, undefined, true)
    if (parser.nextContent()) return undefined
    return map
  } catch (e) {
    if (e instanceof Bail) return undefined
    throw e
  }
}

interface Line {
  start: number
  /** Offset of the newline (or the text end). */
  end: number
  indent: number
}

class FastParser {
  private readonly lines: Line[] = []
  private i = 0
  /** The line after the last one holding consumed content (comments after it are unclaimed). */
  private consumed = 0
  /** Just after the colon of the key read last. */
  private keyValueStart = 0
  /** Block collections open around the one being read; deeper than MAX_NESTING bails. */
  private depth = 0

  constructor(private readonly text: string) {
    let start = 0
    while (start <= text.length) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      let indent = 0
      while (text.charCodeAt(start + indent) === 32) indent++
      this.lines.push({ start, end, indent })
      if (end === text.length) break
      start = end + 1
    }
  }

  private isBlank(line: Line): boolean {
    const first = line.start + line.indent
    return first >= line.end || this.text[first] === '#'
  }

  /** The next line holding content (comments and blank lines skipped), not consumed. */
  nextContent(): Line | undefined {
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as Line
      if (!this.isBlank(line)) return line
      this.i++
    }
    return undefined
  }

  /** Is the character at `i` a space or a line break, or is `i` past the text? */
  private spaceOrEnd(i: number): boolean {
    const c = this.text.charCodeAt(i)
    return c === 32 || c === 10 || i >= this.text.length
  }

  /** `end` moved back over the spaces before it. */
  private trimEnd(at: number, end: number): number {
    while (end > at && this.text.charCodeAt(end - 1) === 32) end--
    return end
  }

  // The searches below stay within their line: indexOf would run on through the rest of the
  // text, once per line of a long list.

  /** The first `:` in [at, end) followed by a space or by `end` (where a plain key ends), or -1. */
  private keyColon(at: number, end: number): number {
    for (let i = at; i < end; i++)
      if (this.text.charCodeAt(i) === 58 && (i + 1 === end || this.text.charCodeAt(i + 1) === 32))
        return i
    return -1
  }

  /** Does a comment (` #`) start in [at, end)? */
  private commentIn(at: number, end: number): boolean {
    for (let i = at; i < end; i++)
      if (this.text.charCodeAt(i) === 32 && this.text.charCodeAt(i + 1) === 35) return true
    return false
  }

  /** End of a line including its newline. */
  private after(line: Line): number {
    return Math.min(line.end + 1, this.text.length)
  }

  /** A collection one level deeper: past the limit, the full parser finds and reports it. */
  private enter(): void {
    if (++this.depth > MAX_NESTING) bail()
  }

  blockMap(indent: number, firstAt?: number, root = false): YAMLMap<unknown, unknown> {
    this.enter()
    const map = newMap()
    const keys = new Set<unknown>()
    let start = -1
    let end = 0
    for (let line = this.nextContent(); line; line = this.nextContent()) {
      const at = firstAt ?? line.start + line.indent
      if (firstAt === undefined && line.indent !== indent) {
        if (line.indent > indent) bail()
        break
      }
      firstAt = undefined
      if (start < 0) start = at
      const key = this.key(at, line)
      if (keys.has(key.value)) bail()
      keys.add(key.value)
      const value = this.valueAfterKey(indent, this.keyValueStart, line)
      map.items.push(newPair(key, value))
      end = value.range?.[2] ?? end
    }
    map.range = [start, end, root ? end : this.nodeEnd(indent, end)]
    this.depth--
    return map
  }

  private blockSeq(indent: number, sameIndent = false): YAMLSeq<unknown> {
    this.enter()
    const seq = newSeq()
    let start = -1
    let end = 0
    for (let line = this.nextContent(); line && line.indent === indent; line = this.nextContent()) {
      const dash = line.start + line.indent
      if (this.text[dash] !== '-' || !this.spaceOrEnd(dash + 1)) break
      if (start < 0) start = dash
      let at = dash + 1
      while (this.text[at] === ' ') at++
      if (at >= line.end || this.text[at] === '#' || this.text[at] === '-') bail()
      const item = this.looksLikeKey(at, line.end)
        ? this.blockMap(at - line.start, at)
        : this.inlineValue(at, line, indent)
      seq.items.push(item)
      end = item.range?.[2] ?? end
    }
    seq.range = [start, end, this.nodeEnd(indent, end, sameIndent)]
    this.depth--
    return seq
  }

  /**
   * The `yaml` package's node end for a block collection: when a comment indented at least as
   * deep as the collection follows its last item, the collection extends to the next token.
   * The package's choices around blank lines and same-indent sequences there are subtle, so
   * those cases go to the full parser.
   */
  private nodeEnd(indent: number, valueEnd: number, sameIndentSeq = false): number {
    let claims = false
    let blank = false
    for (let j = this.consumed; j < this.lines.length; j++) {
      const line = this.lines[j] as Line
      if (!this.isBlank(line))
        return claims ? this.claimed(blank || sameIndentSeq, line.start + line.indent) : valueEnd
      if (line.start < valueEnd) continue // already taken in by the last item
      if (line.start + line.indent >= line.end) blank = true
      else if (line.indent >= indent) claims = true
    }
    return claims ? this.claimed(blank || sameIndentSeq, this.text.length) : valueEnd
  }

  private claimed(unsure: boolean, end: number): number {
    return unsure ? bail() : end
  }

  /** A scalar's node end takes in the comment lines right after it indented deeper than its parent. */
  private scalarEnd(indent: number, lineEnd: number): number {
    let end = lineEnd
    let blank = false
    let shallow = false
    for (let j = this.consumed; j < this.lines.length; j++) {
      const line = this.lines[j] as Line
      if (!this.isBlank(line)) break
      if (line.start + line.indent >= line.end) blank = true
      else if (line.indent < indent) shallow = true
      else if (blank || shallow) bail()
      else end = this.after(line)
    }
    return end
  }

  /**
   * An empty value's node end, in the two layouts whose ranges the yaml package makes plain
   * (`key:` then the next entry, or `key: # comment` then the next entry); comments or blank
   * lines after an empty value go to the full parser.
   */
  private emptyEnd(at: number, sameLineComment: boolean): number {
    const next = this.lines[this.consumed]
    if (next && this.isBlank(next)) return bail()
    if (!sameLineComment) return at
    // After `key: # comment` the node runs on to the next token, indentation included.
    return next && next.start < this.text.length ? next.start + next.indent : bail()
  }

  /** Does the text at `at` start a `key: value` entry? */
  private looksLikeKey(at: number, end: number): boolean {
    const c = this.text[at] ?? ''
    if (c === "'" || c === '"') {
      const close = this.quotedEnd(at, end)
      return this.text[close] === ':'
    }
    if (c === '[' || c === '{') return false
    const colon = this.keyColon(at, end)
    return colon >= 0 && !this.commentIn(at, colon)
  }

  private key(at: number, line: Line): Scalar {
    const c = this.text[at] ?? ''
    let scalar: Scalar
    let after: number
    if (c === "'" || c === '"') {
      scalar = this.quoted(at, line.end)
      after = scalar.range?.[1] ?? bail()
    } else {
      if (PLAIN_START_BAIL.has(c) || (c === '-' && this.text[at + 1] === ' ')) bail()
      const colon = this.keyColon(at, line.end)
      if (colon <= at || this.commentIn(at, colon)) bail()
      const source = this.text.slice(at, this.trimEnd(at, colon))
      scalar = this.plain(source, at)
      after = colon
    }
    if (this.text[after] !== ':') bail()
    // The key's node end is where its value may start (after `: `).
    this.keyValueStart = after + 1
    scalar.range = [scalar.range?.[0] ?? at, scalar.range?.[1] ?? after, scalar.range?.[1] ?? after]
    return scalar
  }

  private valueAfterKey(indent: number, colonEnd: number, line: Line): Node {
    let at = colonEnd
    while (this.text[at] === ' ') at++
    if (at < line.end && this.text[at] !== '#') return this.inlineValue(at, line, indent)
    if (at < line.end && at === colonEnd) bail() // `key:#comment`
    this.i++
    this.consumed = this.i
    const next = this.nextContent()
    if (next && next.indent > indent) {
      const first = next.start + next.indent
      if (this.text[first] === '-' && this.spaceOrEnd(first + 1)) return this.blockSeq(next.indent)
      return this.blockMap(next.indent)
    }
    if (
      next &&
      next.indent === indent &&
      this.text[next.start + indent] === '-' &&
      this.text[next.start + indent + 1] === ' '
    )
      return this.blockSeq(indent, true)
    // The yaml package places an empty value after the blanks that follow the colon; its end
    // takes in a comment on the same line and deeper comment lines below.
    const empty = newScalar(null)
    empty.range = [at, at, this.emptyEnd(at, at < line.end)]
    return empty
  }

  /** A value that starts on this line, consuming the line (and a block scalar's lines). */
  private inlineValue(at: number, line: Line, parentIndent: number): Node {
    const c = this.text[at] ?? ''
    let node: Node
    let end: number
    if (c === '|' || c === '>') return this.blockScalar(at, line, parentIndent)
    if (c === '[') {
      node = this.flowSeq(at, line.end)
      end = node.range?.[1] ?? bail()
    } else if (c === "'" || c === '"') {
      node = this.quoted(at, line.end)
      end = node.range?.[1] ?? bail()
    } else {
      if (PLAIN_START_BAIL.has(c) || (c === '-' && this.spaceOrEnd(at + 1))) bail()
      let stop = at
      while (
        stop < line.end &&
        !(this.text.charCodeAt(stop) === 35 && this.text.charCodeAt(stop - 1) === 32)
      )
        stop++
      if (stop < line.end) stop-- // the space before `#`
      const source = this.text.slice(at, this.trimEnd(at, stop))
      if (source.includes(': ') || source.endsWith(':')) bail()
      node = this.plain(source, at)
      end = at + source.length
    }
    // After the value: nothing, or spaces then a comment.
    let p = end
    while (p < line.end && this.text.charCodeAt(p) === 32) p++
    if (p < line.end && !(p > end && this.text.charCodeAt(p) === 35)) bail()
    this.i++
    this.consumed = this.i
    // A following, more indented content line would continue a multi-line scalar.
    const next = this.nextContent()
    if (next && next.indent > parentIndent) bail()
    const r = node.range ?? bail()
    node.range = [r[0], r[1], this.scalarEnd(parentIndent + 1, this.after(line))]
    return node
  }

  private plain(source: string, at: number): Scalar {
    const scalar = newScalar(resolvePlain(source))
    scalar.type = 'PLAIN'
    scalar.source = source
    scalar.range = [at, at + source.length, at + source.length]
    return scalar
  }

  private quotedEnd(at: number, end: number): number {
    const q = this.text[at]
    for (let p = at + 1; p < end; p++) {
      const c = this.text[p]
      if (q === '"' && c === '\\') p++
      else if (c === q) {
        if (q === "'" && this.text[p + 1] === "'") p++
        else return p + 1
      }
    }
    return bail()
  }

  private quoted(at: number, end: number): Scalar {
    const close = this.quotedEnd(at, end)
    const body = this.text.slice(at + 1, close - 1)
    const single = this.text[at] === "'"
    const value = single ? body.replace(/''/g, "'") : unescapeDouble(body)
    const scalar = newScalar(value)
    scalar.type = single ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE'
    scalar.source = value
    scalar.range = [at, close, close]
    return scalar
  }

  private flowSeq(at: number, end: number): YAMLSeq<unknown> {
    this.enter()
    const seq = newSeq()
    seq.flow = true
    let p = at + 1
    const skip = () => {
      while (this.text[p] === ' ') p++
    }
    skip()
    if (this.text[p] === ']') bail()
    for (;;) {
      const c = this.text[p] ?? ''
      let item: Scalar
      if (c === "'" || c === '"') {
        item = this.quoted(p, end)
        p = item.range?.[1] ?? bail()
      } else {
        if (PLAIN_START_BAIL.has(c) || c === '-' || c === '') bail()
        let q = p
        while (q < end && !FLOW_INDICATORS.has(this.text.charCodeAt(q))) q++
        const source = this.text.slice(p, this.trimEnd(p, q))
        if (source.includes(': ') || source.endsWith(':') || source.includes(' #') || source === '')
          bail()
        item = this.plain(source, p)
        p = q
      }
      seq.items.push(item)
      skip()
      if (this.text[p] === ',') {
        p++
        skip()
        if (this.text[p] === ']') bail()
        continue
      }
      if (this.text[p] === ']') break
      bail()
    }
    seq.range = [at, p + 1, p + 1]
    this.depth--
    return seq
  }

  private blockScalar(at: number, line: Line, parentIndent: number): Scalar {
    const header = this.text.slice(at, line.end)
    const m = /^([|>])([-+]?)( +#.*)? *$/.exec(header)
    if (!m || m[2] === '+') return bail()
    const folded = m[1] === '>'
    this.i++
    const contentLines: { text: string; line: Line }[] = []
    let blockIndent = -1
    let lastContent = -1
    while (this.i < this.lines.length) {
      const l = this.lines[this.i] as Line
      const raw = this.text.slice(l.start, l.end)
      const blank = raw.trim() === ''
      if (blank) {
        if (raw.length > Math.max(blockIndent, parentIndent + 1) || blockIndent < 0) bail()
        contentLines.push({ text: '', line: l })
        this.i++
        continue
      }
      if (blockIndent < 0) {
        if (l.indent <= parentIndent) break
        blockIndent = l.indent
      }
      if (l.indent < blockIndent) break
      if (folded && l.indent > blockIndent) bail()
      contentLines.push({ text: raw.slice(blockIndent), line: l })
      lastContent = contentLines.length - 1
      this.i++
    }
    if (lastContent < 0) return bail()
    // Trailing blank lines belong to the text after the scalar.
    this.i -= contentLines.length - 1 - lastContent
    this.consumed = this.i
    const kept = contentLines.slice(0, lastContent + 1)
    let value: string
    if (folded) {
      value = ''
      let pendingBreaks = 0
      kept.forEach(({ text }, k) => {
        if (text === '') pendingBreaks++
        else {
          value +=
            k === 0 ? text : pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) + text : ' ' + text
          pendingBreaks = 0
        }
      })
    } else value = kept.map((c) => c.text).join('\n')
    if (m[2] !== '-') value += '\n'
    const lastLine = (kept[kept.length - 1] as { line: Line }).line
    const end = this.after(lastLine)
    const scalar = newScalar(value)
    scalar.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL'
    scalar.source = value
    scalar.range = [at, end, end]
    return scalar
  }
}
