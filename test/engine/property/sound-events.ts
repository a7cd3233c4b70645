/**
 * What parseEvents promises for any text at all, checked in full: the records and the
 * diagnostics point inside the text, in order, and each record's text is its value.
 */
import { expect } from 'vitest'
import { parseEvents } from '../../../src/engine/index.ts'
import type { EventsDiagnosticCode, EventsFormat } from '../../../src/engine/types.ts'

const FORMATS: EventsFormat[] = ['empty', 'object', 'array', 'ndjson', 'concatenated', 'csv', 'xml']
/** The codes reading events may give; INTERNAL would be an exception swallowed. */
const READING_CODES: EventsDiagnosticCode[] = [
  'EVENTS_SYNTAX',
  'EVENTS_SEPARATOR',
  'EVENTS_TRAILING_TEXT',
]

const within = (text: string, [start, end]: readonly [number, number]) =>
  Number.isInteger(start) &&
  Number.isInteger(end) &&
  0 <= start &&
  start <= end &&
  end <= text.length

/** Parses `text` and checks every promise; says whether it held events and diagnostics. */
export function expectSoundEvents(text: string): { events: number; diagnostics: number } {
  const parsed = parseEvents(text)
  expect(FORMATS).toContain(parsed.format)
  let previousEnd = 0
  for (const record of parsed.events) {
    const [start, end] = record.range
    expect(within(text, record.range) && start < end, `event range ${start}-${end}`).toBe(true)
    expect(start, 'events are in text order and do not overlap').toBeGreaterThanOrEqual(previousEnd)
    previousEnd = end
    // Re-reading an event's own text gives the same value (CSV rows need their header).
    const own = text.slice(start, end)
    if (parsed.format === 'xml')
      expect(parseEvents(own).events.map((e) => e.value)).toEqual([record.value])
    else if (parsed.format !== 'csv') expect(JSON.parse(own)).toEqual(record.value)
  }
  for (const d of parsed.diagnostics) {
    expect(READING_CODES, d.message).toContain(d.code)
    expect(d.severity).toBe('error')
    expect(d.message.length).toBeGreaterThan(0)
    expect(within(text, d.range), `diagnostic range ${d.range.join('-')}`).toBe(true)
  }
  // Only JSON's own whitespace is blank (a vertical tab is an error, as JSON.parse says).
  if (/^[ \t\n\r]*$/.test(text))
    expect(parsed).toEqual({ format: 'empty', events: [], diagnostics: [] })
  return { events: parsed.events.length, diagnostics: parsed.diagnostics.length }
}
