/**
 * Verdicts for every event in a compact, columnar form: two byte arrays that cross postMessage
 * as a plain copy. Objects per row cost about a second to serialise at 100,000 events and froze
 * both the worker and the page; the page builds row objects only for the rows it shows.
 */
import { summarizeVerdict } from './summary.ts'

export interface Rows {
  count: number
  /** Search identifiers, in the order of the `hits` columns. */
  names: string[]
  /** 1 where the event matched. */
  match: Uint8Array
  /** `hits[event * names.length + identifier]` is 1 where that identifier was true. */
  hits: Uint8Array
  /** Summaries from a full explanation, for the rows that were on screen. */
  summaries: Record<number, string>
  /** Events the engine failed on, with its message: these rows have no verdict at all. */
  failures: Record<number, string>
  /** 0, or 1 + the index in `outsideWhy` of why the event is outside the rule's logsource. */
  outside: Uint8Array
  /** Distinct reasons ("EventID 4624 is not process_creation"), at most 255. */
  outsideWhy: string[]
}

/** One event's row as the results pane shows it (built from `Rows` for visible rows only). */
export interface RowResult {
  match: boolean
  identifiers: Record<string, boolean>
  /**
   * One line saying why, e.g. "excluded by filter_x: DestinationIp 10.2.3.4 in 10.0.0.0/8" for
   * rows in the requested window; elsewhere from the verdict alone ("excluded by filter_x").
   */
  summary: string
  /** Set when the engine failed on this event: `match` is then meaningless, show the error. */
  error?: string
  /** Why the event is outside the rule's logsource, when it is. */
  outside?: string
}

export function emptyRows(names: string[] = []): Rows {
  return {
    count: 0,
    names,
    match: new Uint8Array(0),
    hits: new Uint8Array(0),
    summaries: {},
    failures: {},
    outside: new Uint8Array(0),
    outsideWhy: [],
  }
}

export function allocateRows(count: number, names: string[]): Rows {
  return {
    count,
    names,
    match: new Uint8Array(count),
    hits: new Uint8Array(count * names.length),
    summaries: {},
    failures: {},
    outside: new Uint8Array(count),
    outsideWhy: [],
  }
}

/** Event `index`'s verdict, with identifier `j`'s value at `values[at[j]]`. */
export function setRow(
  rows: Rows,
  index: number,
  match: boolean,
  values: readonly boolean[],
  at: readonly number[],
): void {
  rows.match[index] = match ? 1 : 0
  const base = index * rows.names.length
  for (let j = 0; j < at.length; j++) rows.hits[base + j] = values[at[j] ?? -1] ? 1 : 0
}

/** An event the engine failed on: no match, no identifier, and the message kept for the row. */
export function setFailedRow(rows: Rows, index: number, message: string): void {
  rows.match[index] = 0
  rows.hits.fill(0, index * rows.names.length, (index + 1) * rows.names.length)
  rows.failures[index] = message
}

/** Marks event `index` as outside the rule's logsource, for `reason`. */
export function setOutside(rows: Rows, index: number, reason: string): void {
  let at = rows.outsideWhy.indexOf(reason)
  if (at < 0 && rows.outsideWhy.length < 255) at = rows.outsideWhy.push(reason) - 1
  rows.outside[index] = (at < 0 ? rows.outsideWhy.length - 1 : at) + 1
}

/** One row as the results pane shows it; the summary falls back to what the verdict says. */
export function rowAt(rows: Rows, index: number): RowResult | undefined {
  if (index < 0 || index >= rows.count) return undefined
  const identifiers: Record<string, boolean> = {}
  const base = index * rows.names.length
  rows.names.forEach((name, j) => {
    identifiers[name] = rows.hits[base + j] === 1
  })
  const error = rows.failures[index]
  if (error !== undefined) return { match: false, identifiers, summary: error, error }
  const match = rows.match[index] === 1
  const summary = rows.summaries[index] ?? summarizeVerdict({ match, identifiers })
  const why = rows.outsideWhy[(rows.outside[index] ?? 0) - 1]
  return why === undefined
    ? { match, identifiers, summary }
    : { match, identifiers, summary, outside: why }
}

/** Events each identifier was true for, and the number of matches. */
export function tally(rows: Rows): {
  matches: number
  perIdentifier: Record<string, number>
  outside: number
} {
  let matches = 0
  let outside = 0
  for (let i = 0; i < rows.count; i++) {
    matches += rows.match[i] ?? 0
    if (rows.outside[i]) outside++
  }
  const perIdentifier: Record<string, number> = {}
  const width = rows.names.length
  rows.names.forEach((name, j) => {
    let hits = 0
    for (let i = 0; i < rows.count; i++) hits += rows.hits[i * width + j] ?? 0
    perIdentifier[name] = hits
  })
  return { matches, perIdentifier, outside }
}

/** Flat `[start0, end0, start1, end1, …]` offsets back to ranges, for the events editor. */
export function rangesFrom(flat: Uint32Array): [number, number][] {
  const ranges: [number, number][] = new Array<[number, number]>(flat.length >> 1)
  for (let i = 0; i < ranges.length; i++) ranges[i] = [flat[2 * i] ?? 0, flat[2 * i + 1] ?? 0]
  return ranges
}
