/**
 * The selected event painted in the events editor: the fields the trace consulted get
 * `sp-hit` when the item that read them was satisfied and `sp-miss` otherwise, and the event
 * itself a subtle band. Pure, like rule-decorations.ts.
 */
import type * as Monaco from './monaco.ts'
import type { Range, SearchNodeTrace, Trace } from '../../engine/types.ts'
import type { ToPosition } from './rule-decorations.ts'
import { codeSpan, untrusted } from './markdown.ts'

type Decoration = Monaco.editor.IModelDeltaDecoration

export interface FieldLocation {
  keyRange: Range
  valueRange: Range
}

/** Every event path the trace read, and whether some item reading it was satisfied. */
export function consultedPaths(trace: Trace | undefined): Map<string, boolean> {
  const paths = new Map<string, boolean>()
  const note = (path: string | undefined, hit: boolean) => {
    if (path) paths.set(path, (paths.get(path) ?? false) || hit)
  }
  const walk = (node: SearchNodeTrace): void => {
    if (node.type === 'field') {
      for (const lookup of node.lookups) note(lookup.path, node.value)
      for (const value of node.values) note(value.path, node.value)
    } else if (node.type === 'keywords') {
      for (const value of node.values) if (value.value) note(value.path, true)
    } else {
      node.children.forEach(walk)
    }
  }
  for (const search of trace?.searches ?? []) walk(search.body)
  return paths
}

function span(toPos: ToPosition, range: Range): Monaco.IRange {
  const from = toPos(range[0])
  const to = toPos(range[1])
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  }
}

export function buildEventDecorations(
  toPos: ToPosition,
  eventRange: Range | undefined,
  paths: Map<string, boolean>,
  locations: Record<string, FieldLocation | undefined>,
): Decoration[] {
  if (!eventRange) return []
  const decorations: Decoration[] = [
    {
      range: span(toPos, eventRange),
      options: {
        isWholeLine: true,
        className: 'sp-event-selected',
        linesDecorationsClassName: 'sp-event-selected-bar',
      },
    },
  ]
  for (const [path, hit] of paths) {
    const where = locations[path]
    if (!where) continue
    const className = hit ? 'sp-hit' : 'sp-miss'
    const hover = untrusted(
      `${hit ? '✓' : '✗'} ${codeSpan(path)} ${hit ? 'satisfied' : 'was read by'} the rule${hit ? '' : ' but did not satisfy its item'}`,
    )
    decorations.push({
      range: span(toPos, [where.keyRange[0], where.valueRange[1]]),
      options: { inlineClassName: className, hoverMessage: hover },
    })
  }
  return decorations
}
