/**
 * CSV with a header row, as Splunk, Sentinel and spreadsheets export it (RFC 4180: commas,
 * `"` quoting with `""` inside, line breaks allowed in quotes). Each row is one event whose
 * keys are the header's names. Values stay strings; an empty unquoted cell is an absent field
 * (exports fill every column of the union), and a quoted `""` is an empty string.
 */
import type { EventRecord, EventsDiagnostic, Range } from '../types.ts'

export interface CsvCell {
  text: string
  quoted: boolean
  range: Range
}

interface CsvRow {
  cells: CsvCell[]
  /** Start of the next row. */
  next: number
  error?: EventsDiagnostic
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos)
  return nl < 0 ? text.length : nl
}

/** Reads one row starting at `pos`; a broken row reports its first fault and skips its line. */
export function readCsvRow(text: string, pos: number): CsvRow {
  const cells: CsvCell[] = []
  let i = pos
  for (;;) {
    const start = i
    if (text[i] === '"') {
      let value = ''
      let j = i + 1
      for (;;) {
        const quote = text.indexOf('"', j)
        if (quote < 0) {
          const message = 'Invalid CSV: a quoted cell never closes'
          return {
            cells,
            next: text.length,
            error: { code: 'EVENTS_SYNTAX', severity: 'error', message, range: [start, start + 1] },
          }
        }
        value += text.slice(j, quote)
        if (text[quote + 1] === '"') {
          value += '"'
          j = quote + 2
          continue
        }
        i = quote + 1
        break
      }
      cells.push({ text: value, quoted: true, range: [start, i] })
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++
      const end = text[i - 1] === '\r' && i > start ? i - 1 : i
      cells.push({ text: text.slice(start, end), quoted: false, range: [start, end] })
    }
    if (text[i] === ',') {
      i++
      continue
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++
    if (i >= text.length || text[i] === '\n') return { cells, next: i + 1 }
    const message = 'Invalid CSV: expected a comma or a line break after a quoted cell'
    return {
      cells,
      next: lineEnd(text, i) + 1,
      error: { code: 'EVENTS_SYNTAX', severity: 'error', message, range: [i, i + 1] },
    }
  }
}

/** Not JSON (no `{` or `[` first) and a first line with a comma: a header row. */
export function looksLikeCsv(text: string, start: number): boolean {
  const first = text[start]
  if (first === '{' || first === '[') return false
  return text.slice(start, lineEnd(text, start)).includes(',')
}

/** The row as an event: header name → cell text, empty unquoted cells left out. */
export function rowEvent(header: readonly string[], cells: readonly CsvCell[]): unknown {
  const entries: [string, string][] = []
  cells.forEach((cell, i) => {
    const name = header[i]
    if (name && (cell.quoted || cell.text !== '')) entries.push([name, cell.text])
  })
  // fromEntries defines own data properties, so a `__proto__` column stays a column.
  return Object.fromEntries(entries)
}

export function readCsv(
  text: string,
  start: number,
  diagnostics: EventsDiagnostic[],
): EventRecord[] {
  const head = readCsvRow(text, start)
  if (head.error) diagnostics.push(head.error)
  const header = head.cells.map((cell) => cell.text.trim())
  const events: EventRecord[] = []
  for (let pos = head.next; pos < text.length;) {
    const end = lineEnd(text, pos)
    if (text.slice(pos, end).trim() === '') {
      pos = end + 1
      continue
    }
    const row = readCsvRow(text, pos)
    if (row.error) diagnostics.push(row.error)
    else {
      const extra = row.cells[header.length]
      if (extra)
        diagnostics.push({
          code: 'EVENTS_SYNTAX',
          severity: 'error',
          message: `CSV row has ${row.cells.length} cells, the header names ${header.length}`,
          range: extra.range,
        })
      const last = row.cells[row.cells.length - 1]
      events.push({ value: rowEvent(header, row.cells), range: [pos, last ? last.range[1] : pos] })
    }
    pos = row.next
  }
  return events
}

/** Each named column's header cell and this row's cell, for painting the fields read. */
export function csvCells(
  text: string,
  rowStart: number,
): Map<string, { keyRange: Range; valueRange: Range }> {
  const found = new Map<string, { keyRange: Range; valueRange: Range }>()
  let start = 0
  while (start < text.length && /\s/.test(text[start] as string)) start++
  const header = readCsvRow(text, start).cells
  const row = readCsvRow(text, rowStart).cells
  header.forEach((cell, i) => {
    const value = row[i]
    if (value) found.set(cell.text.trim(), { keyRange: cell.range, valueRange: value.range })
  })
  return found
}
