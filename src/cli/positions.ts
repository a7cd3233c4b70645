/**
 * Diagnostics carry character offsets; people and editors want `FILE:LINE:COL`. Lines and
 * columns are 1-based, columns count UTF-16 code units like the offsets do.
 */
import type { Diagnostic } from '../engine/index.ts'

export interface LineCol {
  line: number
  col: number
}

/** Offsets of the first character of every line, computed once per text. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 10) starts.push(i + 1)
    // A lone CR ends a line too (old Mac files); CRLF is handled by the LF.
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1)
  }
  return starts
}

export function lineColAt(starts: number[], offset: number): LineCol {
  const clamped = Math.max(0, offset)
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] ?? 0) <= clamped) low = mid
    else high = mid - 1
  }
  return { line: low + 1, col: clamped - (starts[low] ?? 0) + 1 }
}

/** `FILE:LINE:COL severity CODE message`, the format both `eval` and `check` print. */
export function formatDiagnostic(file: string, starts: number[], diagnostic: Diagnostic): string {
  const { line, col } = lineColAt(starts, diagnostic.range[0])
  const message = diagnostic.message.replace(/\s*\n\s*/g, ' ')
  return `${file}:${line}:${col} ${diagnostic.severity} ${diagnostic.code} ${message}`
}
