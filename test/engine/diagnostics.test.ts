import { describe, expect, test } from 'vitest'
import {
  error,
  hasErrors,
  lineCol,
  sortDiagnostics,
  warning,
} from '../../src/engine/diagnostics.ts'

describe('lineCol', () => {
  const text = 'title: x\ndetection:\n    sel: 1\n'
  test('1-based line and column', () => {
    expect(lineCol(text, 0)).toEqual({ line: 1, col: 1 })
    expect(lineCol(text, 7)).toEqual({ line: 1, col: 8 })
    expect(lineCol(text, 9)).toEqual({ line: 2, col: 1 })
    expect(lineCol(text, text.indexOf('sel'))).toEqual({ line: 3, col: 5 })
  })
  test('offsets outside the text are clamped', () => {
    expect(lineCol(text, -5)).toEqual({ line: 1, col: 1 })
    expect(lineCol(text, 1e9)).toEqual({ line: 4, col: 1 })
    expect(lineCol(text, Number.NaN)).toEqual({ line: 1, col: 1 })
  })
})

describe('diagnostics', () => {
  test('sorted by position, errors first at the same place, stable otherwise', () => {
    const w = warning('UNUSED_IDENTIFIER', 'w', [5, 6])
    const e = error('UNDEFINED_IDENTIFIER', 'e', [5, 9])
    const first = warning('MISSING_ID', 'first', [0, 1])
    const later = warning('MISSING_LEVEL', 'later', [0, 1])
    expect(sortDiagnostics([w, first, e, later])).toEqual([first, later, e, w])
    expect(hasErrors([w, first])).toBe(false)
    expect(hasErrors([w, e])).toBe(true)
  })
})
