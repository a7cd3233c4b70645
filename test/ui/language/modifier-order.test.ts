import { describe, expect, it } from 'vitest'
import { rankModifiers } from '../../../src/ui/language/modifier-order.ts'
import { modifierDocs } from '../../../src/ui/language/modifier-docs.ts'

describe('rankModifiers', () => {
  it('offers every v2.1 modifier on a bare field, the common ones first', () => {
    const ranked = rankModifiers([])
    expect(ranked.slice(0, 3)).toEqual(['contains', 'startswith', 'endswith'])
    for (const name of [
      'windash',
      'base64offset',
      'utf16le',
      'wide',
      'cidr',
      're',
      'fieldref',
      'exists',
      'neq',
      'expand',
      'hour',
    ]) {
      expect(ranked).toContain(name)
    }
    expect(ranked).toHaveLength(modifierDocs.length)
  })

  it('puts the usual next steps first and drops the used ones', () => {
    expect(rankModifiers(['re']).slice(0, 3)).toEqual(['i', 'm', 's'])
    expect(rankModifiers(['wide']).slice(0, 2)).toEqual(['base64offset', 'base64'])
    expect(rankModifiers(['wide', 'base64offset'])[0]).toBe('contains')
    expect(rankModifiers(['hour'])[0]).toBe('lt')
    expect(rankModifiers(['contains', 'all'])).not.toContain('contains')
  })
})
