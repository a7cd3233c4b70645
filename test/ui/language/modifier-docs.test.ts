import { describe, expect, it } from 'vitest'
import {
  closestModifier,
  modifierDoc,
  modifierDocs,
} from '../../../src/ui/language/modifier-docs.ts'

describe('modifier docs', () => {
  it('document every Sigma v2.1 modifier once, each with an example using it', () => {
    const names = modifierDocs.map((d) => d.name)
    expect(new Set(names).size).toBe(names.length)
    for (const doc of modifierDocs) expect(doc.example).toContain(doc.name)
    for (const name of [
      'windash',
      'base64offset',
      'base64',
      'utf16le',
      'wide',
      'utf16be',
      'utf16',
      'cidr',
    ]) {
      expect(modifierDoc(name)?.expands).toBe(true)
    }
  })

  it('suggests the modifier a misspelt name meant', () => {
    expect(closestModifier('endswithh')).toBe('endswith')
    expect(closestModifier('contain')).toBe('contains')
    expect(closestModifier('Windash')).toBe('windash')
    expect(closestModifier('zzzzzzzz')).toBeUndefined()
  })
})
