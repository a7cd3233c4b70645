/**
 * Small constructors for diagnostics and their display order (inside the engine everything is
 * character offsets; line-index.ts turns them into lines and columns at the edges).
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
