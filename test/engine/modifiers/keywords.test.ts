import { describe, expect, test } from 'vitest'
import type { FieldTrace, KeywordTrace } from '../../../src/engine/types.ts'
import { codes, compile, item } from './item-helpers.ts'

const event = {
  Image: 'C:\\Windows\\System32\\cmd.exe',
  Details: { CommandLine: 'cmd /c whoami', Args: ['-ExternalUrl x', 42] },
  Flag: true,
  keyOnlyWord: 1,
}

describe('keywords (§2.4)', () => {
  test('substring search over every string and number leaf, case-insensitive', () => {
    expect(item(null, 'WHOAMI').match(event)).toBe(true)
    expect(item(null, ' -ExternalUrl ').match({ a: 'Set-X -ExternalUrl https://x' })).toBe(true)
    expect(item(null, '42').match(event)).toBe(true)
    expect(item(null, 4).match(event)).toBe(true)
    expect(item(null, 'nothing').match(event)).toBe(false)
  })

  test('keys are not searched, booleans are skipped', () => {
    expect(item(null, 'keyOnlyWord').match(event)).toBe(false)
    expect(item(null, 'true').match(event)).toBe(false)
  })

  test('a list ORs; |all needs each keyword somewhere, independently', () => {
    expect(item(null, ['nothing', 'whoami']).match(event)).toBe(true)
    expect(item('|all', ['whoami', 'System32']).match(event)).toBe(true)
    expect(item('|all', ['whoami', 'nothing']).match(event)).toBe(false)
  })

  test('wildcards work inside keywords', () => {
    expect(item(null, 'cmd*whoami').match(event)).toBe(true)
    expect(item(null, 'who?mi').match(event)).toBe(true)
  })

  test('re keywords search every leaf', () => {
    expect(item('|re', 'who[a-z]mi').match(event)).toBe(true)
    expect(item('|re', '^whoami$').match(event)).toBe(false)
  })

  test('base64offset|contains keywords', () => {
    expect(
      item('|base64offset|contains', 'whoami').match({ p: `powershell -enc ${btoa('x whoami')}` }),
    ).toBe(true)
  })

  test('plain keywords explain as a keyword trace, with the matching leaf path', () => {
    const trace = item(null, ['nothing', 'whoami']).explain(event) as KeywordTrace
    expect(trace.type).toBe('keywords')
    expect(trace.values[0]).toMatchObject({ value: false, reason: 'differs' })
    expect(trace.values[1]).toMatchObject({
      value: true,
      path: 'Details.CommandLine',
      actual: 'cmd /c whoami',
    })
    const inArray = item(null, 'externalurl').explain(event)
    expect(inArray.values[0]?.path).toBe('Details.Args[0]')
  })

  test('keywords with modifiers explain as a field trace with an empty field', () => {
    const trace = item('|all', ['whoami', 'cmd']).explain(event) as FieldTrace
    expect(trace).toMatchObject({ type: 'field', field: '', linking: 'and', value: true })
  })

  test('null and boolean keywords, and field-bound modifiers, are errors', () => {
    expect(codes(compile(null, true).diagnostics)).toEqual(['BAD_VALUE'])
    expect(codes(compile(null, null).diagnostics)).toEqual(['BAD_VALUE'])
    expect(codes(compile('|cidr', '10.0.0.0/8').diagnostics)).toEqual(['MODIFIER_TYPE'])
    expect(codes(compile('|fieldref', 'A').diagnostics)).toEqual(['MODIFIER_TYPE'])
  })
})
