/**
 * Where the fields a rule consulted sit in the events text, so the editor can decorate them.
 * Only the event's own substring is scanned, with the same path names the traces use.
 */
import type { Range } from '../types.ts'
import { csvCells } from './csv.ts'
import { walkJson, skipWhitespace } from './json-scan.ts'
import { decodeCsvCell, decodeJsonString, locateRawXml, rawPrefixes } from './locate-raw.ts'
import type { Located } from './locate-raw.ts'
import { locateXmlFields } from './windows-xml.ts'

export function locateFields(text: string, eventRange: Range, paths: string[]): Located {
  const wanted = new Set(paths)
  const found = Object.create(null) as Located
  if (wanted.size === 0) return found
  const start = Math.max(0, eventRange[0])
  const end = Math.min(text.length, eventRange[1])
  if (start >= end) return found
  const first = text[skipWhitespace(text, 0)]
  if (first === '<') {
    locateXmlFields(text, [start, end], (path, keyRange, valueRange) => {
      if (wanted.has(path)) found[path] = { keyRange, valueRange }
    })
    return found
  }
  // Splunk's `_raw` holds the Windows XML whose fields the rule read (raw-xml.ts).
  const raws = rawPrefixes(wanted)
  if (first !== '{' && first !== '[') {
    // A CSV row: its cells by the header's names.
    for (const [name, cells] of csvCells(text, start)) {
      if (wanted.has(name)) found[name] = cells
      if (raws.has(name)) locateRawXml(decodeCsvCell(text, cells.valueRange), name, wanted, found)
    }
    return found
  }
  // Paths deep inside a deeply nested event are long ropes; comparing them would flatten each
  // one (quadratic in the depth). Their length is free and rules out most of them.
  let longest = 0
  for (const path of wanted) longest = Math.max(longest, path.length)
  walkJson(text, start, end, (path, keyRange, valueRange) => {
    if (raws.has(path) && text[valueRange[0]] === '"')
      locateRawXml(decodeJsonString(text, valueRange), path, wanted, found)
    // Array elements have no key: the element itself is what gets painted.
    if (path.length <= longest && wanted.has(path))
      found[path] = { keyRange: keyRange ?? valueRange, valueRange }
  })
  return found
}
