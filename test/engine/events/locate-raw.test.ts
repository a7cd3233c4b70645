import { expect, it } from 'vitest'
import {
  decodeCsvCell,
  decodeJsonString,
  rawPrefixes,
} from '../../../src/engine/events/locate-raw.ts'

it('decodes a JSON string and a CSV cell, keeping where each character was written', () => {
  const json = '"a\\u00e9\\nb"'
  expect(decodeJsonString(json, [0, json.length])).toEqual({ text: 'aé\nb', at: [1, 2, 8, 10, 11] })
  const csv = 'x,"say ""hi""",y'
  const cell = decodeCsvCell(csv, [2, 14])
  expect(cell.text).toBe('say "hi"')
  // Each doubled quote is read at its first; the end is the closing quote.
  expect(cell.at).toEqual([3, 4, 5, 6, 7, 9, 10, 11, 13])
  expect(decodeCsvCell('ab,cd', [3, 5])).toEqual({ text: 'cd', at: [3, 4, 5] })
})

it('finds the _raw fields among the paths a rule read', () => {
  const paths = ['result._raw.Event.EventData.Image', '_raw.Event.System.EventID', 'my_raw.x', 'a']
  expect([...rawPrefixes(paths)]).toEqual(['result._raw', '_raw'])
})
