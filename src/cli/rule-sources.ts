/**
 * The rule text `eval` compiles: the rule file, then each `--filter FILE`, joined as YAML
 * documents. Each diagnostic is printed against the file (and line) it came from.
 */
import { formatDiagnostic, LineIndex, type Diagnostic } from '../engine/index.ts'
import { describeIoError, type CliIo } from './io.ts'

interface Segment {
  file: string
  start: number
  text: string
}

export interface RuleSources {
  text: string
  segments: Segment[]
}

/** The joined text, or undefined after printing why a file could not be read. */
export function readRuleSources(files: string[], io: CliIo): RuleSources | undefined {
  const segments: Segment[] = []
  let text = ''
  for (const [i, file] of files.entries()) {
    let content: string
    try {
      content = io.readFile(file)
    } catch (error) {
      const what = i === 0 ? 'rule' : 'filter'
      io.err(`sigma-play: cannot read ${what} ${file}: ${describeIoError(error)}\n`)
      return undefined
    }
    // A document separator on its own line; the previous file may not end with a newline.
    if (i > 0) text += text.endsWith('\n') ? '---\n' : '\n---\n'
    segments.push({ file, start: text.length, text: content })
    text += content
  }
  return { text, segments }
}

export function formatSourced(sources: RuleSources, diagnostic: Diagnostic): string {
  const at = diagnostic.range[0]
  const segment =
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc's noUncheckedIndexedAccess needs it
    [...sources.segments].reverse().find((s) => s.start <= at) ?? (sources.segments[0] as Segment)
  const shifted: Diagnostic = {
    ...diagnostic,
    range: [at - segment.start, diagnostic.range[1] - segment.start],
  }
  return formatDiagnostic(segment.file, new LineIndex(segment.text), shifted)
}
