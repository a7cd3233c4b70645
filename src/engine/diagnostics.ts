/**
 * Small constructors for diagnostics and the 1-based line/column helper the CLI and the UI use
 * at their edges (inside the engine everything is character offsets).
 */
import type { Diagnostic, DiagnosticCode, Range } from './types.ts'

export function error(code: DiagnosticCode, message: string, range: Range): Diagnostic {
  return { code, severity: 'error', message, range }
}

export function warning(code: DiagnosticCode, message: string, range: Range): Diagnostic {
  return { code, severity: 'warning', message, range }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Stable order for display: by position, errors before warnings at the same place. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 }
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) => a.d.range[0] - b.d.range[0] || rank[a.d.severity] - rank[b.d.severity] || a.i - b.i,
    )
    .map((x) => x.d)
}

/** 1-based line and column of a character offset (clamped into the text). */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const end = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length))
  let line = 1
  let lineStart = 0
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, col: end - lineStart + 1 }
}
