/**
 * Splunk keeps each event as its source wrote it in `_raw`; for Windows event logs rendered as
 * XML (XmlWinEventLog, Sysmon's add-on) that is the whole `<Event>`. An export whose records
 * carry only `_raw` and Splunk's own fields (`_time`, `host`, `source`) holds every field a
 * rule reads inside that text, so such a record is read as the event its XML holds.
 */
import { isObject } from '../json-object.ts'
import type { EventsDiagnostic } from '../types.ts'
import { readWindowsXml } from './windows-xml.ts'

/** Parsed once per record: shapes are detected again for summaries, screens and reads. */
const parsed = new WeakMap<object, unknown>()

/** The event in the body's `_raw` Windows XML, or undefined when it holds none. */
export function rawXmlEvent(body: unknown): unknown {
  if (!isObject(body) || !Object.hasOwn(body, '_raw')) return undefined
  if (parsed.has(body)) return parsed.get(body)
  const raw = body['_raw']
  let event: unknown
  if (typeof raw === 'string' && /^\s*<Event[\s>]/.test(raw)) {
    const diagnostics: EventsDiagnostic[] = []
    const [record] = readWindowsXml(raw, 0, diagnostics)
    if (diagnostics.length === 0) event = record?.value
  }
  parsed.set(body, event)
  return event
}
