// "Did you mean" suggestions the editor offers as quick fixes: the replacement text rides on
// the diagnostic, for the diagnostic's own range.
import { describe, expect, it } from 'vitest'
import { compileRule } from '../../src/engine/index.ts'
import { nearestName } from '../../src/engine/edit-distance.ts'

const rule = (detection: string) => `title: t
logsource:
  category: process_creation
detection:
${detection}`

describe('suggestions', () => {
  it('offers the identifier a condition misspelt', () => {
    const text = rule(`  selection:
    Image|endswith: '\\\\a.exe'
  condition: selectoin
`)
    const d = compileRule(text).diagnostics.find((x) => x.code === 'UNDEFINED_IDENTIFIER')
    expect(d?.suggestion).toBe('selection')
    expect(text.slice(d?.range[0], d?.range[1])).toBe('selectoin')
  })

  it('offers the modifier a key misspelt', () => {
    const text = rule(`  selection:
    Image|endswiht: 'a.exe'
  condition: selection
`)
    const d = compileRule(text).diagnostics.find((x) => x.code === 'UNKNOWN_MODIFIER')
    expect(d?.suggestion).toBe('endswith')
    expect(text.slice(d?.range[0], d?.range[1])).toBe('endswiht')
  })

  it('offers nothing for a name far from every known one', () => {
    const text = rule(`  selection:
    Image: 'a.exe'
  condition: keywords
`)
    const d = compileRule(text).diagnostics.find((x) => x.code === 'UNDEFINED_IDENTIFIER')
    expect(d).toBeDefined()
    expect(d?.suggestion).toBeUndefined()
  })

  it('keeps short names from all looking alike', () => {
    expect(nearestName('ab', ['ac', 'selection'])).toBeUndefined()
    expect(nearestName('filtr_main', ['filter_main', 'selection'])).toBe('filter_main')
  })
})
