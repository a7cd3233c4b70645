import { describe, expect, test } from 'vitest'
import { getModifier, modifierNames } from '../../../src/engine/modifiers/registry.ts'
import { checkModifiers } from '../../../src/engine/modifiers/pipeline.ts'

const SPEC_V2_1 = [
  'contains',
  'startswith',
  'endswith',
  'all',
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'windash',
  're',
  'i',
  'm',
  's',
  'cidr',
  'lt',
  'lte',
  'gt',
  'gte',
  'exists',
  'fieldref',
  'expand',
  'cased',
  'neq',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
]

describe('modifier registry', () => {
  test('holds every modifier of the specification v2.1 and the pySigma aliases', () => {
    for (const name of [...SPEC_V2_1, 'ignorecase', 'multiline', 'dotall'])
      expect(getModifier(name)).toBeDefined()
    expect(modifierNames().sort()).toEqual(
      [...SPEC_V2_1, 'ignorecase', 'multiline', 'dotall'].sort(),
    )
  })

  test('placement rules come from the entries', () => {
    for (const name of ['re', 'cidr', 'exists', 'fieldref'])
      expect(getModifier(name)?.mustBeFirst).toBe(true)
    for (const name of ['cidr', 'exists', 'fieldref', 'lt', 'hour'])
      expect(getModifier(name)?.fieldBound).toBe(true)
    expect(getModifier('gt')?.accepts).not.toContain('string')
  })

  test('list modifiers before a must-be-first modifier are fine', () => {
    const refs = (names: string[]) => names.map((name, i) => ({ name, range: [i, i + 1] as const }))
    expect(checkModifiers(refs(['all', 're']), false).diagnostics).toEqual([])
    expect(checkModifiers(refs(['neq', 'cidr']), false).diagnostics).toEqual([])
    expect(
      checkModifiers(refs(['windash', 're']), false).diagnostics.map((d) => [d.code, d.range]),
    ).toEqual([['MODIFIER_ORDER', [1, 2]]])
    expect(
      checkModifiers(refs(['__proto__', 'toString']), false).diagnostics.map((d) => d.code),
    ).toEqual(['UNKNOWN_MODIFIER', 'UNKNOWN_MODIFIER'])
  })
})
