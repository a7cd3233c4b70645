/**
 * `sigma-play check`: validate and lint every rule found, one line per diagnostic, then a
 * summary. Exit 1 when any rule has an error, so it can gate a rule repository's CI.
 */
import { compileRule, formatDiagnostic, LineIndex, type Diagnostic } from '../engine/index.ts'
import type { CheckArgs } from './args.ts'
import { findRuleFiles } from './find-rules.ts'
import { describeIoError, type CliIo } from './io.ts'
import { plural } from './words.ts'

/**
 * An `|expand` placeholder without values is valid Sigma (the deployment supplies them), so
 * `check` warns where `eval`, which needs the values, stops.
 */
function asChecked(diagnostic: Diagnostic): Diagnostic {
  return diagnostic.code === 'UNRESOLVED_PLACEHOLDER'
    ? { ...diagnostic, severity: 'warning' }
    : diagnostic
}

export function runCheck(args: CheckArgs, io: CliIo): number {
  const { files, missing } = findRuleFiles(args.paths, io)
  if (missing.length > 0) {
    for (const path of missing) io.err(`sigma-play: ${path}: no such file or directory\n`)
    return 2
  }
  let errors = 0
  let warnings = 0
  const lines: string[] = []
  for (const file of files) {
    let text: string
    try {
      text = io.readFile(file)
    } catch (error) {
      // An unreadable rule is a failed rule, not a reason to stop checking the others.
      io.err(`sigma-play: cannot read ${file}: ${describeIoError(error)}\n`)
      errors++
      continue
    }
    const { diagnostics } = compileRule(text, args.engine)
    const positions = new LineIndex(text)
    // compileRule returns its diagnostics already in source order.
    for (const found of diagnostics) {
      const diagnostic = asChecked(found)
      if (diagnostic.severity === 'error') errors++
      else if (diagnostic.severity === 'warning') warnings++
      lines.push(formatDiagnostic(file, positions, diagnostic))
    }
    if (lines.length >= 1000) io.out(lines.splice(0).join('\n') + '\n')
  }
  if (lines.length > 0) io.out(lines.join('\n') + '\n')
  io.out(
    `${plural(files.length, 'rule')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
  )
  return errors > 0 ? 1 : 0
}
