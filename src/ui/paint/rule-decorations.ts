/**
 * The selected event's trace painted into the rule: identifier and field-item lines get
 * `sp-hit` / `sp-miss` (`sp-excl` for a true item of a filter that excludes the event), the
 * list value that matched gets `sp-value-hit`, each identifier a ✓/✗ glyph, condition tokens a
 * subtle underline, and every painted span explains itself on hover. Pure: positions come from
 * the caller, so this runs in unit tests without Monaco.
 */
import type * as Monaco from '../editors/monaco.ts'
import type { ConditionTrace, IdentifierTrace, SearchNodeTrace, Trace } from '../../engine/index.ts'
import {
  describeField,
  describeIdentifier,
  describeKeywords,
  describeValue,
} from './trace-words.ts'
import { codeSpan, untrusted } from '../language/markdown.ts'
import { excludingIdentifiers } from './excluding.ts'

type Decoration = Monaco.editor.IModelDeltaDecoration
export type ToPosition = (offset: number) => { lineNumber: number; column: number }

/** The offsets `[start, end)` as a Monaco range. */
export function span(toPos: ToPosition, start: number, end: number): Monaco.IRange {
  const from = toPos(start)
  const to = toPos(end)
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  }
}

function lineOf(toPos: ToPosition, offset: number): Monaco.IRange {
  const line = toPos(offset).lineNumber
  return { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 }
}

function conditionWords(node: ConditionTrace & { type: 'ref' | 'selector' }): string {
  const mark = node.value ? '✓' : '✗'
  if (node.type === 'ref') return `${mark} ${codeSpan(node.name)} is ${node.value}`
  const members = node.members.map((m) => `${m.value ? '✓' : '✗'} ${codeSpan(m.name)}`)
  const head = `${mark} ${codeSpan(`${node.quantifier} of ${node.pattern}`)} is ${node.value}`
  return members.length > 0 ? `${head}: ${members.join(', ')}` : `${head} (matches no identifier)`
}

/** `sp-hit` for a true item, `sp-excl` for a true item of a filter that excludes, `sp-miss`. */
type Tone = 'sp-hit' | 'sp-excl' | 'sp-miss'

class RulePainter {
  readonly decorations: Decoration[] = []
  private readonly paintedLines = new Set<number>()
  /** The identifier being painted excludes the event when true. */
  private excluding = false

  constructor(
    private readonly toPos: ToPosition,
    private readonly excluders: Set<string>,
  ) {}

  private tone(value: boolean): Tone {
    if (!value) return 'sp-miss'
    return this.excluding ? 'sp-excl' : 'sp-hit'
  }

  /** One whole-line decoration per line: the first (outermost) owner of a line wins. */
  line(offset: number, value: boolean, hover: string, glyph = false): void {
    const range = lineOf(this.toPos, offset)
    if (this.paintedLines.has(range.startLineNumber)) return
    this.paintedLines.add(range.startLineNumber)
    const tone = this.tone(value)
    const options: Monaco.editor.IModelDecorationOptions = {
      isWholeLine: true,
      className: tone,
      linesDecorationsClassName: `${tone}-bar`,
      hoverMessage: untrusted(hover),
    }
    if (glyph) {
      options.glyphMarginClassName = `sp-glyph sp-glyph-${tone.slice(3)}`
      options.glyphMarginHoverMessage = untrusted(hover)
    }
    this.decorations.push({ range, options })
  }

  /** An inline span; without `hover` it only styles (the line already explains itself). */
  inline(start: number, end: number, className: string | undefined, hover?: string): void {
    if (end <= start) return
    const options: Monaco.editor.IModelDecorationOptions = {}
    if (hover) options.hoverMessage = untrusted(hover)
    if (className) options.inlineClassName = className
    this.decorations.push({ range: span(this.toPos, start, end), options })
  }

  search(node: SearchNodeTrace): void {
    if (node.type !== 'field' && node.type !== 'keywords') {
      for (const child of node.children) this.search(child)
      return
    }
    const hover = node.type === 'field' ? describeField(node) : describeKeywords(node)
    const start = node.type === 'field' ? node.keyRange[0] : node.range[0]
    this.line(start, node.value, hover)
    if (node.type === 'field' && !node.value) {
      this.inline(node.keyRange[0], node.keyRange[1], 'sp-miss-text')
    }
    for (const value of node.values) {
      const valueHover = describeValue(node, value)
      this.inline(
        value.range[0],
        value.range[1],
        value.value ? (this.excluding ? 'sp-value-excl' : 'sp-value-hit') : undefined,
        valueHover,
      )
    }
  }

  identifier(search: IdentifierTrace): void {
    this.excluding = this.excluders.has(search.name)
    this.line(search.keyRange[0], search.value, describeIdentifier(search), true)
    this.search(search.body)
  }

  /** `negated`: reached through an odd number of `not`s, so a true token excludes. */
  condition(node: ConditionTrace, negated = false): void {
    switch (node.type) {
      case 'and':
      case 'or':
        for (const child of node.children) this.condition(child, negated)
        return
      case 'not':
        this.condition(node.child, !negated)
        return
      case 'ref':
      case 'selector': {
        const tone = node.value ? (negated ? 'excl' : 'hit') : 'miss'
        this.inline(node.range[0], node.range[1], `sp-cond-${tone}`, conditionWords(node))
        return
      }
    }
  }
}

export function buildRuleDecorations(trace: Trace | undefined, toPos: ToPosition): Decoration[] {
  if (!trace) return []
  const painter = new RulePainter(toPos, excludingIdentifiers(trace))
  for (const search of trace.searches) painter.identifier(search)
  for (const condition of trace.conditions) painter.condition(condition)
  return painter.decorations
}
