/** A small rule in the default rule's spirit, written for these tests, and helpers. */
import { compileRule } from '../../src/engine/index.ts'
import { explain } from '../helpers/judge.ts'
import type { Trace } from '../../src/engine/types.ts'
import { dedent } from '../helpers/dedent.ts'

export const rule = dedent`
  title: Rundll32 talks to the internet
  logsource:
      category: network_connection
      product: windows
  detection:
      selection:
          Image|endswith: '\\rundll32.exe'
          Initiated: 'true'
      filter_main_local_ranges:
          DestinationIp|cidr:
              - '127.0.0.0/8'
              - '10.0.0.0/8'
      filter_main_svchost:
          ParentImage: 'C:\\Windows\\System32\\svchost.exe'
          DestinationPort: 443
      condition: selection and not 1 of filter_main_*
  level: medium
`

export const rundll32 = {
  Image: 'C:\\Windows\\System32\\rundll32.exe',
  Initiated: 'true',
  DestinationIp: '10.2.3.4',
}

export function traceOf(event: unknown, text = rule): Trace {
  const compiled = compileRule(text)
  if (!compiled.rule)
    throw new Error(`rule did not compile: ${JSON.stringify(compiled.diagnostics)}`)
  return explain(compiled.rule, event)
}

/** Offset → 1-based line/column, the way Monaco's model.getPositionAt does it. */
export function positions(text: string) {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (offset: number) => {
    let line = 0
    while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++
    return { lineNumber: line + 1, column: offset - (starts[line] ?? 0) + 1 }
  }
}

/** 1-based number of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  if (index < 0) throw new Error(`no line contains ${needle}`)
  return index + 1
}
