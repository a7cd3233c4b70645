import { describe, expect, it } from 'vitest'
import { expansionMarkdown, visible } from '../../../src/ui/language/expansion-text.ts'

describe('visible', () => {
  it('shows NUL and control characters as escapes', () => {
    expect(visible('c\0m\0')).toBe('c\\x00m\\x00')
    expect(visible('\ufeffa\tb')).toBe('\\uFEFFa\\x09b')
    expect(visible('–x')).toBe('–x')
  })
})

describe('expansionMarkdown', () => {
  it('lists quoted variants in a code block a variant cannot close', () => {
    const md = expansionMarkdown(' -x', { variants: [' -x', '```', ' /x'], truncated: false })
    expect(md).toContain("' -x'")
    expect(md).toContain('3 variants')
    const fence = /\n(`{3,})text\n/.exec(md)?.[1] ?? ''
    expect(fence.length).toBeGreaterThan(3)
  })

  it('says when the list is cut and shows the note escaped', () => {
    const variants = Array.from({ length: 40 }, (_, i) => `v${i}`)
    const md = expansionMarkdown('v', { variants, truncated: true, note: 'see <b>[x]</b>' })
    expect(md).toContain('40+ variants')
    expect(md).toContain('showing the first 25')
    expect(md).not.toContain('<b>')
  })
})
