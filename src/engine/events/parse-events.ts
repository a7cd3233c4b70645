/**
 * Events as people paste them: a JSON array, one object, NDJSON, objects one after
 * another (evtx_dump), CSV with a header row, or Windows event XML; search responses holding
 * many events are opened into their elements. Each record keeps its exact range; a broken
 * record becomes a diagnostic at the offending offset and the scan resumes at the next record.
 * Never throws.
 */
import type {
  EventRecord,
  EventsDiagnostic,
  EventsDiagnosticCode,
  EventsFormat,
  ParsedEvents,
  Range,
} from '../types.ts'
import { expandContainers } from './containers.ts'
import { looksLikeCsv, readCsv } from './csv.ts'
import { findValueEnd, skipWhitespace, walkJson } from './json-scan.ts'
import { readWindowsXml } from './windows-xml.ts'

function problem(code: EventsDiagnosticCode, message: string, range: Range): EventsDiagnostic {
  return { code, severity: 'error', message, range }
}

interface Slice {
  range: Range
}

function parseSlice(
  text: string,
  range: Range,
  diagnostics: EventsDiagnostic[],
): { value: unknown } | undefined {
  const [start, end] = range
  try {
    return { value: JSON.parse(text.slice(start, end)) }
  } catch {
    const walked = walkJson(text, start, end)
    const offset = walked.error ? walked.error.offset : walked.end
    const message = walked.error ? walked.error.message : 'Unexpected text after the value'
    diagnostics.push(
      problem('EVENTS_SYNTAX', `Invalid JSON: ${message}`, [
        offset,
        Math.min(offset + 1, text.length),
      ]),
    )
    return undefined
  }
}

/** Next line that starts a record, after a record that could not be read. */
function resync(text: string, from: number): number {
  const re = /\n[ \t\r]*[{[]/g
  re.lastIndex = from
  const m = re.exec(text)
  return m ? m.index + 1 : text.length
}

function readSequence(
  text: string,
  start: number,
  end: number,
  diagnostics: EventsDiagnostic[],
): EventRecord[] {
  const events: EventRecord[] = []
  let pos = skipWhitespace(text, start, end)
  while (pos < end) {
    const valueEnd = findValueEnd(text, pos, end)
    if (valueEnd < 0) {
      const walked = walkJson(text, pos, end)
      const offset = walked.error ? walked.error.offset : pos
      const message = walked.error?.message ?? 'Unterminated value'
      diagnostics.push(
        problem('EVENTS_SYNTAX', `Invalid JSON: ${message}`, [offset, Math.min(offset + 1, end)]),
      )
      pos = skipWhitespace(text, resync(text, pos), end)
      continue
    }
    const range: Range = [pos, valueEnd]
    const parsed = parseSlice(text, range, diagnostics)
    if (parsed) events.push({ value: parsed.value, range })
    pos = skipWhitespace(text, valueEnd, end)
    if (pos < end && text[pos] === ',') {
      diagnostics.push(
        problem(
          'EVENTS_SEPARATOR',
          'Unexpected comma between events (wrap them in [ ] for a JSON array)',
          [pos, pos + 1],
        ),
      )
      pos = skipWhitespace(text, pos + 1, end)
    }
  }
  return events
}

/** Element ranges of a top-level array that JSON.parse already accepted. */
function arrayElementRanges(text: string, open: number, close: number): Slice[] {
  const slices: Slice[] = []
  let pos = skipWhitespace(text, open + 1, close)
  while (pos < close) {
    const end = findValueEnd(text, pos, close)
    if (end < 0) break
    slices.push({ range: [pos, end] })
    pos = skipWhitespace(text, end, close)
    if (text[pos] === ',') pos = skipWhitespace(text, pos + 1, close)
  }
  return slices
}

function readArray(
  text: string,
  open: number,
  diagnostics: EventsDiagnostic[],
): EventRecord[] | undefined {
  const close = findValueEnd(text, open)
  if (close < 0) return undefined
  const trailing = skipWhitespace(text, close)
  let whole: unknown
  try {
    whole = JSON.parse(text.slice(open, close))
  } catch {
    return undefined
  }
  if (!Array.isArray(whole)) return undefined
  const slices = arrayElementRanges(text, open, close - 1)
  if (slices.length !== whole.length) return undefined
  if (trailing < text.length)
    diagnostics.push(
      problem('EVENTS_TRAILING_TEXT', 'Unexpected text after the JSON array', [
        trailing,
        trailing + 1,
      ]),
    )
  return (whole as unknown[]).map((value, i) => ({ value, range: (slices[i] as Slice).range }))
}

/** Salvages the readable elements of a broken array, each error at its offset. */
function readBrokenArray(
  text: string,
  open: number,
  diagnostics: EventsDiagnostic[],
): EventRecord[] {
  const walked = walkJson(text, open, text.length)
  if (walked.error)
    diagnostics.push(
      problem('EVENTS_SYNTAX', `Invalid JSON: ${walked.error.message}`, [
        walked.error.offset,
        Math.min(walked.error.offset + 1, text.length),
      ]),
    )
  const events: EventRecord[] = []
  let pos = skipWhitespace(text, open + 1)
  while (pos < text.length && text[pos] !== ']') {
    const end = findValueEnd(text, pos)
    if (end < 0) break
    try {
      events.push({ value: JSON.parse(text.slice(pos, end)), range: [pos, end] })
    } catch {
      // Already reported by the walk above (the first error) — keep salvaging the rest.
    }
    pos = skipWhitespace(text, end)
    if (text[pos] === ',') pos = skipWhitespace(text, pos + 1)
    else break
  }
  return events
}

function sequenceFormat(text: string, events: EventRecord[]): EventsFormat {
  if (events.length <= 1) return 'object'
  for (let i = 0; i < events.length; i++) {
    const [start, end] = (events[i] as EventRecord).range
    if (text.slice(start, end).includes('\n')) return 'concatenated'
    const next = events[i + 1]
    if (next && !text.slice(end, next.range[0]).includes('\n')) return 'concatenated'
  }
  return 'ndjson'
}

export function parseEvents(text: string): ParsedEvents {
  const diagnostics: EventsDiagnostic[] = []
  try {
    const start = skipWhitespace(text, 0)
    if (start >= text.length) return { format: 'empty', events: [], diagnostics }
    if (text[start] === '[') {
      const events =
        readArray(text, start, diagnostics) ?? readBrokenArray(text, start, diagnostics)
      return { format: 'array', events: expandContainers(text, events), diagnostics }
    }
    if (text[start] === '<')
      return { format: 'xml', events: readWindowsXml(text, start, diagnostics), diagnostics }
    if (looksLikeCsv(text, start))
      return { format: 'csv', events: readCsv(text, start, diagnostics), diagnostics }
    const events = readSequence(text, start, text.length, diagnostics)
    const format = sequenceFormat(text, events)
    return { format, events: expandContainers(text, events), diagnostics }
  } catch (error) {
    diagnostics.push(
      problem('INTERNAL', `Could not read the events: ${String(error)}`, [
        0,
        Math.min(1, text.length),
      ]),
    )
    return { format: 'empty', events: [], diagnostics }
  }
}
