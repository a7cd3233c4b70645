/** The CLI's reading thread: cutting input into batches that end on an event boundary. */
import { afterEach, expect, test, vi } from 'vitest'
import { BatchSplitter } from '../../src/cli/event-batches.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Pushes `input` in chunks of `size` bytes; the batches, and what was decoded to judge them. */
function split(input: string, size: number) {
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
