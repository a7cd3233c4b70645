import { describe, expect, test } from 'vitest'
import { error, hasErrors, sortDiagnostics, warning } from '../../src/engine/diagnostics.ts'

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
