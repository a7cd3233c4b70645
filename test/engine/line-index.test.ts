import { describe, expect, test } from 'vitest'
import { formatDiagnostic, lineCol, LineIndex } from '../../src/engine/index.ts'

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rgh'
  const lines = new LineIndex(text)

  test.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3],
    [3, 2, 1],
    [5, 2, 3],
    [7, 3, 1],
    [10, 4, 1],
    [12, 4, 3],
  ])(
    'offset %i is line %i col %i (LF, CRLF and a lone CR each end a line)',
    (offset, line, col) => {
      expect(lines.position(offset)).toEqual({ line, col })
      expect(lineCol(text, offset)).toEqual({ line, col })
    },
  )

  test('a CRLF is one line break, not two', () => {
    expect(new LineIndex('a\r\n\r\nb').lineStarts).toEqual([0, 3, 5])
    expect(new LineIndex('a\r\rb').lineStarts).toEqual([0, 2, 3])
  })

  test('offsets outside the text are clamped', () => {
    expect(lines.position(-4)).toEqual({ line: 1, col: 1 })
    expect(lines.position(1e9)).toEqual({ line: 4, col: 3 })
    expect(lines.position(Number.NaN)).toEqual({ line: 1, col: 1 })
  })

  test('columns count UTF-16 code units, like the offsets', () => {
    const emoji = '😀x\ny'
    expect(lineCol(emoji, emoji.indexOf('x'))).toEqual({ line: 1, col: 3 })
  })
})

test('formatDiagnostic prints FILE:LINE:COL severity CODE message on one line', () => {
  const text = 'title: x\ndetection:\n  sel: {A|foo: 1}\n'
  const line = formatDiagnostic('r.yml', new LineIndex(text), {
    code: 'UNKNOWN_MODIFIER',
    severity: 'error',
    message: 'unknown modifier "foo"\nexpected one of …',
    range: [text.indexOf('foo'), text.indexOf('foo') + 3],
  })
  expect(line).toBe('r.yml:3:11 error UNKNOWN_MODIFIER unknown modifier "foo" expected one of …')
})
