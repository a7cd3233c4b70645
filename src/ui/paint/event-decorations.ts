/**
 * The selected event painted in the events editor: the fields the trace consulted get
 * `sp-hit` when the item that read them was satisfied and `sp-miss` otherwise, and the event
 * itself a subtle band. Pure, like rule-decorations.ts.
 */
import type * as Monaco from '../editors/monaco.ts'
import type { Range, SearchNodeTrace, Trace } from '../../engine/index.ts'
import { span } from './rule-decorations.ts'
import type { ToPosition } from './rule-decorations.ts'
import { codeSpan, untrusted } from '../language/markdown.ts'

type Decoration = Monaco.editor.IModelDeltaDecoration

export interface FieldLocation {
  keyRange: Range
  valueRange: Range
}

/** One rule item that read an event field. */
export interface FieldReader {
  identifier: string
  /** `Image|endswith`, or `keywords` for a keyword list. */
  item: string
  value: boolean
}

export interface FieldUse {
  /** Some item reading the field was satisfied. */
  hit: boolean
  readers: FieldReader[]
}

/** Every event path the trace read, which items read it, and whether one was satisfied. */
export function consultedPaths(trace: Trace | undefined): Map<string, FieldUse> {
  const paths = new Map<string, FieldUse>()
  const note = (path: string | undefined, reader: FieldReader) => {
    if (!path) return
    const use = paths.get(path) ?? { hit: false, readers: [] }
    use.hit ||= reader.value
    const known = use.readers.some(
      (r) => r.identifier === reader.identifier && r.item === reader.item,
    )
    if (!known) use.readers.push(reader)
    paths.set(path, use)
  }
  const walk = (identifier: string, node: SearchNodeTrace): void => {
    if (node.type === 'field') {
      const reader = {
        identifier,
        item: [node.field, ...node.modifiers].join('|'),
        value: node.value,
      }
      for (const lookup of node.lookups) note(lookup.path, reader)
      for (const value of node.values) note(value.path, reader)
    } else if (node.type === 'keywords') {
      for (const value of node.values) {
        if (value.value) note(value.path, { identifier, item: 'keywords', value: true })
      }
    } else {
      for (const child of node.children) walk(identifier, child)
    }
  }
  for (const search of trace?.searches ?? []) walk(search.name, search.body)
  return paths
}

const listedReaders = 6

/** "Read by ✓ selection: Image|endswith, ✗ filter_main_x: Image|contains". */
export function describeUse(path: string, use: FieldUse): string {
  const head = use.hit
    ? `✓ ${codeSpan(path)} satisfied a rule item`
    : `✗ ${codeSpan(path)} was read, but no item reading it matched`
  const readers = use.readers
    .slice(0, listedReaders)
    .map((r) => `- ${r.value ? '✓' : '✗'} ${codeSpan(r.identifier)}: ${codeSpan(r.item)}`)
  if (use.readers.length > listedReaders)
    readers.push(`- …and ${use.readers.length - listedReaders} more`)
  return `${head}\n\n${readers.join('\n')}`
}

function fieldTone(use: FieldUse, excluding: ReadonlySet<string>): string {
  if (!use.hit) return 'sp-miss'
  const selected = use.readers.some((r) => r.value && !excluding.has(r.identifier))
  return selected ? 'sp-hit' : 'sp-excl'
}

export function buildEventDecorations(
  toPos: ToPosition,
  eventRange: Range | undefined,
  paths: Map<string, FieldUse>,
  locations: Record<string, FieldLocation | undefined>,
  /** Identifiers that exclude when true: a field only they matched is a filter hit. */
  excluding: ReadonlySet<string> = new Set(),
): Decoration[] {
  if (!eventRange) return []
  const decorations: Decoration[] = [
    {
      range: span(toPos, eventRange[0], eventRange[1]),
      options: {
        isWholeLine: true,
        className: 'sp-event-selected',
        linesDecorationsClassName: 'sp-event-selected-bar',
      },
    },
  ]
  for (const [path, use] of paths) {
    const where = locations[path]
    if (!where) continue
    decorations.push({
      range: span(toPos, where.keyRange[0], where.valueRange[1]),
      options: {
        inlineClassName: fieldTone(use, excluding),
        hoverMessage: untrusted(describeUse(path, use)),
      },
    })
  }
  return decorations
}
