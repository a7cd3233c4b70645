/**
 * The field and value under the cursor in one event's JSON, Windows event XML or CSV row, named as
 * the engine reads it, for the events editor's "Filter out events with this value" and "Copy as
 * a filter item": by the names rules use (`Image`, not `Event.EventData.Image`,
 * `winlog.event_data.Image` or, from Winlogbeat's Sysmon module, `process.executable`), and out
 * of an export's envelope (`TargetUserName`, not Splunk's `result.TargetUserName`, which no
 * rule could match), and in the Windows XML of Splunk's `_raw` by the XML field under the cursor.
 * Only scalar values qualify; a list element counts as its list's field. The events are read as
 * the user's options read them (no flattening, a forced layout), so the name is one the
 * evaluation resolves.
 */
import { looksLikeCsv, readCsvRow, rowEvent } from '../events/csv.ts'
import { skipWhitespace, walkJson } from '../events/json-scan.ts'
import { decodeCsvCell, decodeJsonString, type Decoded } from '../events/locate-raw.ts'
import { locateXmlFields } from '../events/windows-xml.ts'
import { flattenEvtx } from '../match/evtx-flatten.ts'
import { EventView } from '../match/prepare-event.ts'
import type { Resolved } from '../match/resolved.ts'
import type { EventReading, Range } from '../types.ts'

export interface FieldAt {
  field: string
  value: string
}

const viewOf = (raw: unknown, reading: EventReading) =>
  new EventView(raw, reading.flattenEvtx !== false, reading.eventShape)

const inside = (range: Range | undefined, offset: number) =>
  range !== undefined && offset >= range[0] && offset <= range[1]

/**
 * Keeps, of the key/value pairs a walk over the event reports, the innermost one around
 * `offset`: the one whose value is shortest.
 */
function innermostAround(offset: number) {
  let found: { path: string; valueRange: Range } | undefined
  const visit = (path: string, keyRange: Range | undefined, valueRange: Range) => {
    if (!inside(keyRange, offset) && !inside(valueRange, offset)) return
    const size = valueRange[1] - valueRange[0]
    if (!found || size < found.valueRange[1] - found.valueRange[0]) found = { path, valueRange }
  }
  return { visit, found: () => found }
}

/** The event-log table's name for the value at `path`, and that value; undefined if none. */
function flatField(
  table: ReadonlyMap<string, Resolved> | null | undefined,
  path: string,
): { name: string; value: unknown } | undefined {
  for (const [name, resolved] of table ?? [])
    if (resolved.path === path) return { name, value: resolved.value }
  return undefined
}

/** `offset` is relative to `eventText`, which holds exactly one event. */
export function fieldAt(
  eventText: string,
  offset: number,
  reading: EventReading = {},
): FieldAt | undefined {
  const start = skipWhitespace(eventText, 0)
  if (eventText[start] === '<') return xmlFieldAt(eventText, start, offset, reading)
  let raw: unknown
  try {
    raw = JSON.parse(eventText)
  } catch {
    return undefined
  }
  const innermost = innermostAround(offset)
  walkJson(eventText, 0, eventText.length, innermost.visit)
  const found = innermost.found()
  if (!found) return undefined
  let value: unknown
  try {
    value = JSON.parse(eventText.slice(found.valueRange[0], found.valueRange[1]))
  } catch {
    return undefined
  }
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value)
  if (typeof value !== 'string') return undefined
  const literal = found.valueRange
  const inRaw = () =>
    offset > literal[0] && offset < literal[1] - 1
      ? rawXmlFieldAt(decodeJsonString(eventText, literal), offset)
      : undefined
  return fieldOf(viewOf(raw, reading), found.path.replace(/\[\d+\]$/, ''), value, inRaw)
}

/**
 * The same anywhere in the events text: `eventRange` is the event's (`[start, end)`: in a JSON
 * array the next character is a comma), and a CSV row's cells are named by the header row.
 */
export function fieldAtIn(
  text: string,
  eventRange: Range,
  offset: number,
  reading: EventReading = {},
): FieldAt | undefined {
  const start = skipWhitespace(text, 0)
  if (text[start] === '<' || !looksLikeCsv(text, start))
    return fieldAt(text.slice(eventRange[0], eventRange[1]), offset - eventRange[0], reading)
  const header = readCsvRow(text, start).cells.map((cell) => cell.text.trim())
  const row = readCsvRow(text, eventRange[0]).cells
  const column = row.findIndex((cell) => offset >= cell.range[0] && offset <= cell.range[1])
  const cell = row[column]
  const name = header[column]
  if (!cell || !name) return undefined
  const inRaw = () => rawXmlFieldAt(decodeCsvCell(text, cell.range), offset)
  return fieldOf(viewOf(rowEvent(header, row), reading), name, cell.text, inRaw)
}

/**
 * The field holding `value` at `path` of the record, by the name the engine reads it under; in
 * Splunk's `_raw`, the XML field under the cursor, which `inRaw` reads.
 */
function fieldOf(
  view: EventView,
  path: string,
  value: string,
  inRaw: () => FieldAt | undefined,
): FieldAt | undefined {
  if (view.shape.envelope === 'splunk-raw' && path === view.shape.base) return inRaw()
  const field = engineName(view, path, value)
  return field === undefined ? undefined : { field, value }
}

/** The XML field under the cursor in Splunk's `_raw`, decoded from the record's text. */
function rawXmlFieldAt(xml: Decoded, offset: number): FieldAt | undefined {
  // The decoded character the cursor is on.
  let at = 0
  while (at + 1 < xml.at.length && (xml.at[at + 1] as number) <= offset) at++
  // `_raw` is read as XML only when no option reads events otherwise: the default reading.
  return xmlFieldAt(xml.text, skipWhitespace(xml.text, 0), at, {})
}

/**
 * The name that resolves to `value` at `path` of the record, as the engine reads it; undefined
 * for the envelope's own keys (Splunk's `preview`, Elastic's `_index`), which no rule reads.
 */
function engineName(view: EventView, path: string, value: string): string | undefined {
  const flat = flatField(view.flatFields(), path)
  // A name read from more than this value (Winlogbeat's User is user.domain and user.name,
  // its Initiated is network.direction's egress) would not match it: the path does.
  if (flat && holds(flat.value, value)) return flat.name
  const { base } = view.shape
  if (!base) return path
  return path.startsWith(`${base}.`) ? path.slice(base.length + 1) : undefined
}

/** Whether a field read as `read` holds `value` (as a list element, for a list). */
const holds = (read: unknown, value: string): boolean =>
  Array.isArray(read) ? read.some((item) => String(item) === value) : String(read) === value

/** The same in an `<Event>`: the innermost value around the offset, named as it is read. */
function xmlFieldAt(
  eventText: string,
  start: number,
  offset: number,
  reading: EventReading,
): FieldAt | undefined {
  const innermost = innermostAround(offset)
  const event = locateXmlFields(eventText, [start, eventText.length], innermost.visit)
  const found = innermost.found()
  if (!found) return undefined
  const value = flatField(flattenEvtx(event), found.path)?.value
  if (typeof value !== 'string') return undefined
  return fieldOf(viewOf(event, reading), found.path, value, () => undefined)
}
