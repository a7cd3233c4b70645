import { describe, expect, it } from 'vitest'
import { parseEvents } from '../../../src/engine/index.ts'
import { locateFields } from '../../../src/engine/events/locate.ts'
import {
  buildEventDecorations,
  consultedPaths,
  describeUse,
} from '../../../src/ui/paint/event-decorations.ts'
import { lineOf, positions, rundll32, traceOf } from '../rule-fixtures.ts'

const text = JSON.stringify([rundll32, { ...rundll32, Image: 'C:\\x\\svchost.exe' }], null, 2)

describe('consultedPaths', () => {
  it('lists every field the trace read, hit when its item was satisfied', () => {
    const paths = consultedPaths(traceOf(rundll32))
    expect(paths.get('Image')?.hit).toBe(true)
    expect(paths.get('DestinationIp')?.hit).toBe(true)
    expect(paths.has('ParentImage')).toBe(false)
    expect(paths.get('Image')?.readers).toEqual([
      { identifier: 'selection', item: 'Image|endswith', value: true },
    ])
  })

  it('marks a read field that did not satisfy its item as a miss', () => {
    const paths = consultedPaths(traceOf({ ...rundll32, DestinationIp: '8.8.8.8' }))
    expect(paths.get('DestinationIp')?.hit).toBe(false)
  })

  it('lists the readers of a field in its hover', () => {
    const use = consultedPaths(traceOf(rundll32)).get('DestinationIp')
    if (!use) throw new Error('DestinationIp was not read')
    const hover = describeUse('DestinationIp', use)
    expect(hover).toContain('✓ `DestinationIp` satisfied a rule item')
    expect(hover).toContain('- ✓ `filter_main_local_ranges`: `DestinationIp|cidr`')
  })
})

describe('buildEventDecorations', () => {
  const events = parseEvents(text).events
  const second = events[1]
  if (!second) throw new Error('expected two events')

  it('paints consulted fields of the selected event only, plus its band', () => {
    const trace = traceOf(second.value)
    const paths = consultedPaths(trace)
    const located = locateFields(text, second.range, [...paths.keys()])
    const decorations = buildEventDecorations(positions(text), second.range, paths, located)
    const band = decorations.find((d) => d.options.className === 'sp-event-selected')
    expect(band?.range.startLineNumber).toBe(positions(text)(second.range[0]).lineNumber)
    const misses = decorations.filter((d) => d.options.inlineClassName === 'sp-miss')
    const imageLines = text.split('\n').flatMap((l, i) => (l.includes('"Image"') ? [i + 1] : []))
    expect(misses.map((d) => d.range.startLineNumber)).toContain(imageLines[1])
    expect(decorations.every((d) => d.range.startLineNumber >= lineOf(text, 'svchost') - 1)).toBe(
      true,
    )
  })

  it('paints nothing when no event is selected', () => {
    expect(buildEventDecorations(positions(text), undefined, new Map(), {})).toEqual([])
  })
})
