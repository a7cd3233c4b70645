/**
 * `--pipeline FILE` (repeatable): each file read and checked before any event is evaluated;
 * `builtin:ID` names a shipped pipeline (sysmon, winlogbeat, ecs-windows, splunk-windows). A
 * pipeline with errors prints FILE:LINE:COL error PIPELINE message and stops the run (exit 2).
 */
import { BUILTIN_PIPELINES, formatDiagnostic, LineIndex, parsePipeline } from '../engine/index.ts'
import { describeIoError, type CliIo } from './io.ts'

export function readPipelines(files: readonly string[], io: CliIo): string[] | undefined {
  const texts: string[] = []
  let ok = true
  for (const file of files) {
    let text: string
    const builtin = file.startsWith('builtin:')
      ? BUILTIN_PIPELINES.find((p) => `builtin:${p.id}` === file)
      : undefined
    if (builtin) text = builtin.text
    else if (file.startsWith('builtin:')) {
      const ids = BUILTIN_PIPELINES.map((p) => p.id).join(', ')
      io.err(`sigma-play: unknown built-in pipeline ${file} (there are: ${ids})\n`)
      ok = false
      continue
    } else
      try {
        text = io.readFile(file)
      } catch (error) {
        io.err(`sigma-play: cannot read pipeline ${file}: ${describeIoError(error)}\n`)
        ok = false
        continue
      }
    const { diagnostics } = parsePipeline(text)
    const lines = new LineIndex(text)
    for (const d of diagnostics) io.err(formatDiagnostic(file, lines, d) + '\n')
    if (diagnostics.length > 0) ok = false
    texts.push(text)
  }
  return ok ? texts : undefined
}
