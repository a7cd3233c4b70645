import { describe, expect, test } from 'vitest'
import { formatDiagnostic, lineColAt, lineStarts } from '../../src/cli/positions.ts'

describe('lineColAt', () => {
  const text = 'ab\ncd\r\nef\rgh'
  const starts = lineStarts(text)

  test.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3],
    [3, 2, 1],
    [5, 2, 3],
    [7, 3, 1],
    [10, 4, 1],
    [12, 4, 3],
  ])('offset %i is line %i col %i (LF, CRLF and CR endings)', (offset, line, col) => {
    expect(lineColAt(starts, offset)).toEqual({ line, col })
  })

  test('clamps negative offsets to the start', () => {
    expect(lineColAt(starts, -4)).toEqual({ line: 1, col: 1 })
  })
})

test('formatDiagnostic prints FILE:LINE:COL severity CODE message on one line', () => {
  const text = 'title: x\ndetection:\n  sel: {A|foo: 1}\n'
  const line = formatDiagnostic('r.yml', lineStarts(text), {
    code: 'UNKNOWN_MODIFIER',
    severity: 'error',
    message: 'unknown modifier "foo"\nexpected one of …',
    range: [text.indexOf('foo'), text.indexOf('foo') + 3],
  })
  expect(line).toBe('r.yml:3:11 error UNKNOWN_MODIFIER unknown modifier "foo" expected one of …')
})
