import { describe, expect, test } from 'vitest'
import { expandPlaceholders, placeholderNames } from '../../../src/engine/modifiers/expand.ts'
import { codes, compile, item } from './item-helpers.ts'

const placeholders = { Admins: ['alice', 'bob*'], Domain: ['CORP'] }

describe('expand', () => {
  test('finds %name% placeholders, not escaped ones', () => {
    expect(placeholderNames('%Domain%/%Admins%')).toEqual(['Domain', 'Admins'])
    // pySigma's (?<!\\)% also skips a placeholder right after a backslash.
    expect(placeholderNames('%Domain%\\%Admins%')).toEqual(['Domain'])
    expect(placeholderNames('100\\%done%')).toEqual([])
  })

  test('ORs over the values (which are Sigma strings: wildcards work)', () => {
    const rule = item('User|expand', '%Domain%/%Admins%', { placeholders })
    expect(rule.match({ User: 'corp/alice' })).toBe(true)
    expect(rule.match({ User: 'CORP/bobby' })).toBe(true)
    expect(rule.match({ User: 'CORP/carol' })).toBe(false)
    expect(rule.explain({ User: 'CORP/bobby' }).values[0]?.variant).toBe(
      '%Domain% = CORP, %Admins% = bob*',
    )
  })

  test('combines with contains and re', () => {
    expect(
      item('User|contains|expand', '%Admins%', { placeholders }).match({ User: 'x alice x' }),
    ).toBe(true)
    expect(
      item('User|re|expand', '^%Domain%$', { placeholders: { Domain: ['a.b'] } }).match({
        User: 'a.b',
      }),
    ).toBe(true)
    expect(
      item('User|re|expand', '^%Domain%$', { placeholders: { Domain: ['a.b'] } }).match({
        User: 'axb',
      }),
    ).toBe(false)
  })

  test('an unresolved placeholder is an error on the value', () => {
    const { item: compiled, diagnostics } = compile('User|expand', '%Missing%')
    expect(compiled).toBeUndefined()
    expect(codes(diagnostics)).toEqual(['UNRESOLVED_PLACEHOLDER'])
    expect(diagnostics[0]?.range).toEqual([13, 22])
    expect(
      codes(compile('User|expand', '%Admins%', { placeholders: { Admins: [] } }).diagnostics),
    ).toEqual(['UNRESOLVED_PLACEHOLDER'])
  })

  test('without expand, %name% is literal text', () => {
    expect(item('User', '%Admins%', { placeholders }).match({ User: '%admins%' })).toBe(true)
    expect(item('User', '%Admins%', { placeholders }).match({ User: 'alice' })).toBe(false)
  })

  test('\\% is a literal percent sign in expanded values', () => {
    expect(expandPlaceholders('50\\% %Domain%', placeholders, 'string').expansions).toEqual([
      { text: '50% CORP', variant: '%Domain% = CORP' },
    ])
  })

  test('placeholder names like __proto__ are ordinary', () => {
    expect(codes(compile('U|expand', '%__proto__%').diagnostics)).toEqual([
      'UNRESOLVED_PLACEHOLDER',
    ])
    expect(codes(compile('U|expand', '%constructor%', { placeholders: {} }).diagnostics)).toEqual([
      'UNRESOLVED_PLACEHOLDER',
    ])
  })
})
