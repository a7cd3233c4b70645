import { describe, expect, it } from 'vitest'
import { inDetection, keyAt, modifierPrefix } from '../../../src/ui/language/key-context.ts'

describe('modifierPrefix', () => {
  it('finds the modifier being typed after a pipe', () => {
    expect(modifierPrefix('        Image|')).toEqual({ start: 14, typed: '', used: [] })
    expect(modifierPrefix('        CommandLine|windash|con')).toEqual({
      start: 28,
      typed: 'con',
      used: ['windash'],
    })
  })

  it('works for list items and quoted keyword keys', () => {
    expect(modifierPrefix('      - Image|ends')?.typed).toBe('ends')
    expect(modifierPrefix("    '|al")?.typed).toBe('al')
  })

  it('ignores pipes in values and comments', () => {
    expect(modifierPrefix("        Image: 'a|")).toBeNull()
    expect(modifierPrefix('    condition: a |')).toBeNull()
    expect(modifierPrefix('        # Image|')).toBeNull()
  })
})

describe('keyAt', () => {
  const line = "        CommandLine|windash|contains: ' -exec '"
  it('names the modifier under the column', () => {
    expect(keyAt(line, line.indexOf('windash') + 3)).toEqual({
      field: 'CommandLine',
      modifiers: ['windash', 'contains'],
      active: 0,
    })
    expect(keyAt(line, line.indexOf('contains'))?.active).toBe(1)
    expect(keyAt(line, line.indexOf('Command'))?.active).toBe(-1)
  })

  it('is null on lines without a modified key', () => {
    expect(keyAt('        Image: x', 9)).toBeNull()
    expect(keyAt("            - 'a|b'", 16)).toBeNull()
  })
})

describe('inDetection', () => {
  const lines = [
    'title: x',
    'logsource:',
    '  product: windows',
    'detection:',
    '  sel:',
    '    Image|',
    'level: low',
  ]
  const lineAt = (n: number) => lines[n - 1] ?? ''
  it('is true only under the detection key', () => {
    expect(inDetection(lineAt, 6)).toBe(true)
    expect(inDetection(lineAt, 3)).toBe(false)
    expect(inDetection(lineAt, 4)).toBe(false)
    expect(inDetection(lineAt, 7)).toBe(false)
  })
})
