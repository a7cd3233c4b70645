/**
 * Fields of the Windows XML a record holds as text (Splunk's `_raw`, raw-xml.ts), for painting:
 * found in the decoded XML, then placed where their characters sit in the record as written,
 * a JSON string with its escapes or a CSV cell with its doubled quotes.
 */
import type { Range } from '../types.ts'
import { locateXmlFields } from './windows-xml.ts'

/** Where each field found sits in the events text, by its path. */
export type Located = Record<string, { keyRange: Range; valueRange: Range }>

/** A literal's text, and where each of its characters starts in the source (then its end). */
export interface Decoded {
  text: string
  at: number[]
}

const JSON_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/** The JSON string literal at `range` (quotes included). */
export function decodeJsonString(source: string, range: Range): Decoded {
  let text = ''
  const at: number[] = []
  const end = range[1] - 1
  for (let i = range[0] + 1; i < end;) {
    at.push(i)
    const c = source[i] as string
    if (c !== '\\') {
      text += c
      i++
    } else if (source[i + 1] === 'u') {
      text += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16))
      i += 6
    } else {
      const escaped = source[i + 1] as string
      text += JSON_ESCAPES[escaped] ?? escaped
      i += 2
    }
  }
  at.push(end)
  return { text, at }
}

/** The CSV cell at `range`: quoted (with `""` for a quote) or as it is. */
export function decodeCsvCell(source: string, range: Range): Decoded {
  if (source[range[0]] !== '"') {
    const at = Array.from({ length: range[1] - range[0] + 1 }, (_, k) => range[0] + k)
    return { text: source.slice(range[0], range[1]), at }
  }
  let text = ''
  const at: number[] = []
  const end = range[1] - 1
  for (let i = range[0] + 1; i < end; i += source[i] === '"' ? 2 : 1) {
    at.push(i)
    text += source[i]
  }
  at.push(end)
  return { text, at }
}

/** The paths ending in `_raw` that some wanted path goes on inside. */
export function rawPrefixes(wanted: Iterable<string>): Set<string> {
  const prefixes = new Set<string>()
  for (const path of wanted) {
    const raw = /^(?:.*?\.)?_raw(?=\.)/.exec(path)
    if (raw) prefixes.add(raw[0])
  }
  return prefixes
}

/** Adds to `found` the wanted fields (`prefix.Event.…`) of the XML in `raw`. */
export function locateRawXml(raw: Decoded, prefix: string, wanted: Set<string>, found: Located) {
  const place = ([start, end]: Range): Range => [raw.at[start] as number, raw.at[end] as number]
  locateXmlFields(raw.text, [0, raw.text.length], (path, keyRange, valueRange) => {
    const name = `${prefix}.${path}`
    if (wanted.has(name)) found[name] = { keyRange: place(keyRange), valueRange: place(valueRange) }
  })
}
