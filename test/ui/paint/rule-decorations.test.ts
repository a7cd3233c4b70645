import { describe, expect, it } from 'vitest'
import { buildRuleDecorations } from '../../../src/ui/paint/rule-decorations.ts'
import { lineOf, positions, rule, rundll32, traceOf } from '../rule-fixtures.ts'

type Decorations = ReturnType<typeof buildRuleDecorations>

function lineClass(decorations: Decorations, line: number): string | undefined {
  return (
    decorations.find((d) => d.options.isWholeLine && d.range.startLineNumber === line)?.options
      .className ?? undefined
  )
}

function hoverAt(decorations: Decorations, line: number): string {
  const found = decorations.find((d) => d.options.isWholeLine && d.range.startLineNumber === line)
  const hover = found?.options.hoverMessage
  return hover && !Array.isArray(hover) ? (hover as { value: string }).value : ''
}

describe('buildRuleDecorations', () => {
  it('paints nothing without a trace', () => {
    expect(buildRuleDecorations(undefined, positions(rule))).toEqual([])
  })

  it('marks identifier and item lines hit or miss for a filtered rundll32 event', () => {
    const decorations = buildRuleDecorations(traceOf(rundll32), positions(rule))
    expect(lineClass(decorations, lineOf(rule, 'selection:'))).toBe('sp-hit')
    expect(lineClass(decorations, lineOf(rule, 'Image|endswith'))).toBe('sp-hit')
    // The filter that excluded the event is a filter hit, never painted as a selection hit.
    expect(lineClass(decorations, lineOf(rule, 'filter_main_local_ranges:'))).toBe('sp-excl')
    expect(lineClass(decorations, lineOf(rule, 'filter_main_svchost:'))).toBe('sp-miss')
    expect(lineClass(decorations, lineOf(rule, 'ParentImage:'))).toBe('sp-miss')
    expect(lineClass(decorations, lineOf(rule, 'level:'))).toBeUndefined()
  })

  it('marks the list value that matched, and only that one', () => {
    const decorations = buildRuleDecorations(traceOf(rundll32), positions(rule))
    const valueHits = decorations.filter((d) => d.options.inlineClassName === 'sp-value-excl')
    const lines = valueHits.map((d) => d.range.startLineNumber)
    expect(lines).toContain(lineOf(rule, "'10.0.0.0/8'"))
    expect(lines).not.toContain(lineOf(rule, "'127.0.0.0/8'"))
  })

  it('puts a ✓/✗ glyph on each identifier line', () => {
    const decorations = buildRuleDecorations(traceOf(rundll32), positions(rule))
    const glyphs = decorations.filter((d) => d.options.glyphMarginClassName)
    expect(glyphs.map((d) => [d.range.startLineNumber, d.options.glyphMarginClassName])).toEqual([
      [lineOf(rule, 'selection:'), 'sp-glyph sp-glyph-hit'],
      [lineOf(rule, 'filter_main_local_ranges:'), 'sp-glyph sp-glyph-excl'],
      [lineOf(rule, 'filter_main_svchost:'), 'sp-glyph sp-glyph-miss'],
    ])
  })

  it('explains a matched line with the event path and value', () => {
    const decorations = buildRuleDecorations(traceOf(rundll32), positions(rule))
    const hover = hoverAt(decorations, lineOf(rule, 'Image|endswith'))
    expect(hover).toContain('`Image|endswith`')
    expect(hover).toContain('matched')
    expect(hover).toContain('C:\\Windows\\System32\\rundll32.exe')
  })

  it('explains a miss with the actual value', () => {
    const event = { ...rundll32, Image: 'C:\\Windows\\System32\\svchost.exe' }
    const decorations = buildRuleDecorations(traceOf(event), positions(rule))
    expect(lineClass(decorations, lineOf(rule, 'Image|endswith'))).toBe('sp-miss')
    const hover = hoverAt(decorations, lineOf(rule, 'Image|endswith'))
    expect(hover).toContain('did not match')
    expect(hover).toContain('svchost.exe')
  })

  it('says when the field is absent', () => {
    const decorations = buildRuleDecorations(traceOf({ Initiated: 'true' }), positions(rule))
    expect(hoverAt(decorations, lineOf(rule, 'Image|endswith'))).toContain('no field')
  })

  it('underlines condition tokens by their value', () => {
    const decorations = buildRuleDecorations(traceOf(rundll32), positions(rule))
    const condLine = lineOf(rule, 'condition:')
    const classes = decorations
      .filter((d) => d.range.startLineNumber === condLine)
      .map((d) => d.options.inlineClassName)
    expect(classes).toContain('sp-cond-hit')
    // `not filter_main_local_ranges`, true: the token that excluded the event.
    expect(classes).toContain('sp-cond-excl')
  })
})

describe('identifier hover', () => {
  it('lists each item of the identifier with its outcome', () => {
    const decorations = buildRuleDecorations(traceOf(rundll32), positions(rule))
    const glyph = decorations.find(
      (d) =>
        d.range.startLineNumber === lineOf(rule, 'filter_main_svchost:') &&
        d.options.glyphMarginClassName,
    )
    const hover = glyph?.options.glyphMarginHoverMessage as { value: string } | undefined
    expect(hover?.value).toContain('is false: 0 of 2 items matched')
    expect(hover?.value).toContain('- ✗ `ParentImage`')
    expect(hover?.value).toContain('- ✗ `DestinationPort`')
  })
})
