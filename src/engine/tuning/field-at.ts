/**
 * The field and value under the cursor in one event's JSON or Windows event XML text, named as
 * a rule author reads it (`Image`, not `Event.EventData.Image`), for the events editor's "Filter
 * out events with this value" and "Copy as a filter item". Only scalar values qualify; a list
 * element counts as its list's field.
 */
import { skipWhitespace, walkJson } from '../events/json-scan.ts'
import { locateXmlFields } from '../events/windows-xml.ts'
import { flattenEvtx } from '../match/evtx-flatten.ts'
import type { Range } from '../types.ts'

export interface FieldAt {
  field: string
  value: string
}

const inside = (range: Range | undefined, offset: number) =>
  range !== undefined && offset >= range[0] && offset <= range[1]

/** `offset` is relative to `eventText`, which holds exactly one event. */
export function fieldAt(eventText: string, offset: number): FieldAt | undefined {
  const start = skipWhitespace(eventText, 0)
  if (eventText[start] === '<') return xmlFieldAt(eventText, start, offset)
  let raw: unknown
  try {
    raw = JSON.parse(eventText)
  } catch {
    return undefined
  }
  // The innermost key/value pair around the offset: the one whose value is shortest.
  let found: { path: string; valueRange: Range } | undefined
  walkJson(eventText, 0, eventText.length, (path, keyRange, valueRange) => {
    if (!inside(keyRange, offset) && !inside(valueRange, offset)) return
    const size = valueRange[1] - valueRange[0]
    if (!found || size < found.valueRange[1] - found.valueRange[0]) found = { path, valueRange }
  })
  if (!found) return undefined
  let value: unknown
  try {
    value = JSON.parse(eventText.slice(found.valueRange[0], found.valueRange[1]))
  } catch {
    return undefined
  }
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value)
  if (typeof value !== 'string') return undefined
  const path = found.path.replace(/\[\d+\]$/, '')
  const table = flattenEvtx(raw)
  if (!table) return { field: path, value }
  for (const [name, resolved] of table) if (resolved.path === path) return { field: name, value }
  return undefined
}

/** The same in an `<Event>`: the innermost value around the offset, by its rule-facing name. */
function xmlFieldAt(eventText: string, start: number, offset: number): FieldAt | undefined {
  let found: { path: string; size: number } | undefined
  const event = locateXmlFields(eventText, [start, eventText.length], (path, key, value) => {
    if (!inside(key, offset) && !inside(value, offset)) return
    const size = value[1] - value[0]
    if (!found || size < found.size) found = { path, size }
  })
  const table = flattenEvtx(event)
  if (!table) return undefined
  for (const [name, resolved] of table)
    if (resolved.path === found?.path && typeof resolved.value === 'string')
      return { field: name, value: resolved.value }
  return undefined
}
