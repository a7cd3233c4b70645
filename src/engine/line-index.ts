/**
 * Offsets → 1-based line and column, the one way the engine's users turn a diagnostic's
 * range into `LINE:COL` (as eemeli/yaml's LineCounter does): line starts found once, then a
 * binary search per offset. CRLF, LF and a lone CR each end a line, as in YAML and Monaco.
 * Columns count UTF-16 code units, like the offsets.
 */
import type { Diagnostic, EventsDiagnostic } from './types.ts'

export interface LineCol {
  line: number
  col: number
}

export class LineIndex {
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[]

  constructor(readonly text: string) {
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i)
      if (ch === 10) starts.push(i + 1)
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1)
    }
    this.lineStarts = starts
  }

  /** The position of `offset`, clamped into the text. */
  position(offset: number): LineCol {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length))
    const starts = this.lineStarts
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] ?? 0) <= clamped) low = mid
      else high = mid - 1
    }
    return { line: low + 1, col: clamped - (starts[low] ?? 0) + 1 }
  }

  line(offset: number): number {
    return this.position(offset).line
  }
}

/** One position without keeping the index (a single message, not a loop). */
export function lineCol(text: string, offset: number): LineCol {
  return new LineIndex(text).position(offset)
}

/** `FILE:LINE:COL severity CODE message` on one line, as compilers and the CLI print them. */
export function formatDiagnostic(
  file: string,
  lines: LineIndex,
  diagnostic: Diagnostic | EventsDiagnostic,
): string {
  const { line, col } = lines.position(diagnostic.range[0])
  const message = diagnostic.message.replace(/\s*\n\s*/g, ' ')
  return `${file}:${line}:${col} ${diagnostic.severity} ${diagnostic.code} ${message}`
}
