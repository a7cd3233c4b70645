/** The CLI's reading thread: cutting input into batches that end on an event boundary. */
import { afterEach, expect, test, vi } from 'vitest'
import { BatchSplitter } from '../../src/cli/event-batches.ts'
import { parseEvents } from '../../src/engine/index.ts'
import { savedXmlFile } from '../engine/events/shape-forms.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Pushes `input` in chunks of `size` bytes; the batches, and what was decoded to judge them. */
function split(input: string | Buffer, size: number) {
  const decode = vi.spyOn(TextDecoder.prototype, 'decode')
  const bytes = Buffer.from(input)
  const splitter = new BatchSplitter()
  const batches = []
  for (let at = 0; at < bytes.length; at += size)
    batches.push(...splitter.push(bytes.subarray(at, at + size)))
  batches.push(...splitter.end())
  const decoded = decode.mock.calls.reduce(
    (sum, [chunk]) => sum + ((chunk as Uint8Array | undefined)?.byteLength ?? 0),
    0,
  )
  return { batches, decoded, bytes }
}

test('a first event still open after many chunks is judged in linear time, and nothing is lost', () => {
  const input = '{"a":"' + 'x'.repeat(4 << 20) + '"}\n{"b":1}\n{"c":2}\n'
  const { batches, decoded, bytes } = split(input, 16 << 10)
  // Judging the layout anew on every chunk decoded about 256 × 2 MB here.
  expect(decoded).toBeLessThan(3 * bytes.length)
  expect(Buffer.concat(batches.map((b) => b.bytes)).equals(bytes)).toBe(true)
  expect(batches[0]?.firstLine).toBe(1)
})

test('NDJSON is cut at newlines from the first chunk on, with each batch’s first line', () => {
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, pad: 'y'.repeat(40) }))
  const { batches, bytes } = split(lines.join('\n') + '\n', 8 << 10)
  expect(batches.length).toBeGreaterThan(10)
  let line = 1
  for (const batch of batches) {
    expect(batch.firstLine).toBe(line)
    expect(batch.bytes.at(-1)).toBe(0x0a)
    line += Buffer.from(batch.bytes).toString().split('\n').length - 1
  }
  expect(Buffer.concat(batches.map((b) => b.bytes)).equals(bytes)).toBe(true)
})

test('a first event under the cap is cut before the cap is checked, whatever the chunk size', () => {
  // Judged unknown at 12 MB (still open), the layout must be judged again before 16 MB is passed.
  const input = '{"a":"' + 'x'.repeat(13 << 20) + '"}\n' + '{"b":1}\n'.repeat(700_000)
  const { batches, bytes } = split(input, 3 << 20)
  expect(Buffer.concat(batches.map((b) => b.bytes)).equals(bytes)).toBe(true)
})

/** Windows event XML with what could fool a cut: markup-like text in comments, CDATA, quotes. */
const XML_EVENTS = [
  '<Event><System><EventID>1</EventID></System></Event>',
  '<Event><EventData><Data Name="A">x &gt; y</Data></EventData><!-- </Event><Event> --></Event>',
  '<Event><EventData><Data Name="B"><![CDATA[</Event><Event>]]></Data></EventData></Event>',
  '<Event><EventData><Data Name="C" Note="a > b </Event>">é 😀</Data></EventData></Event>',
  // UserData may hold an element named Event: the cut must not fall after its close.
  '<Event><UserData><Event><Inner>z</Inner></Event><Event>w</Event></UserData></Event>',
  '<Event/>',
]

test.each([
  ['on one line, as wevtutil writes them', (events: string[]) => events.join('')],
  [
    'in a saved <Events> file',
    (events: string[]) => `<?xml version="1.0"?>\n${savedXmlFile(events)}`,
  ],
])('Windows event XML %s is cut between events, with each batch’s line and column', (_, write) => {
  const events = Array.from({ length: 600 }, (_, i) => XML_EVENTS[i % XML_EVENTS.length] as string)
  const text = write(events)
  const whole = parseEvents(text)
  expect(whole.diagnostics).toEqual([])
  for (const size of [7, 100, 4096]) {
    const { batches, bytes } = split(text, size)
    expect(batches.length).toBeGreaterThan(size === 4096 ? 5 : 50)
    expect(Buffer.concat(batches.map((b) => b.bytes)).equals(bytes)).toBe(true)
    const values = []
    let offset = 0
    for (const batch of batches) {
      const batchText = Buffer.from(batch.bytes).toString()
      const read = parseEvents(batchText)
      expect(read.diagnostics).toEqual([])
      expect(read.events.length).toBeGreaterThan(0)
      values.push(...read.events.map((e) => e.value))
      const before = text.slice(0, offset)
      expect(batch.firstLine).toBe(before.split('\n').length)
      expect(batch.firstColumn).toBe(before.length - before.lastIndexOf('\n'))
      offset += batchText.length
    }
    expect(values).toEqual(whole.events.map((e) => e.value))
  }
})

/** `text` in UTF-16 of either byte order, with or without a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', mark: boolean): Buffer {
  const le = Buffer.from((mark ? '\ufeff' : '') + text, 'utf16le')
  return order === 'le' ? le : Buffer.from(le).swap16()
}

test.each([
  ['little-endian with a byte-order mark (PowerShell 5)', 'le', true],
  ['big-endian with a byte-order mark', 'be', true],
  ['little-endian without a mark', 'le', false],
  ['big-endian without a mark', 'be', false],
] as const)('UTF-16 %s is read as the same events as UTF-8', (_, order, mark) => {
  // Characters past ASCII and past the 16-bit plane, cut across chunks of every odd size.
  const lines = Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({ i, name: `Größe 東京 😀 ${i}` }),
  )
  const text = lines.join('\n') + '\n'
  for (const size of [1, 3, 7, 4096]) {
    const { batches } = split(utf16(text, order, mark), size)
    expect(Buffer.concat(batches.map((b) => b.bytes)).toString()).toBe(text)
    if (size === 4096) expect(batches.length).toBeGreaterThan(2)
  }
})
