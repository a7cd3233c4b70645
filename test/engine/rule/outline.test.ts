/**
 * The engine's outline of a rule is what the editor's hover and the worker's probe read
 * instead of parsing the rule themselves; the fingerprint is what decides whether an edit can
 * change a verdict.
 */
import { describe, expect, test } from 'vitest'
import { compileRule, outlineRule, ruleFingerprint } from '../../../src/engine/index.ts'
import { dedent } from '../../helpers/dedent.ts'

const rule = dedent`
  title: Outline
  logsource:
    category: process_creation
    product: windows
  detection:
    selection:
      Image|endswith:
        - '\\rundll32.exe'
        - '\\regsvr32.exe'
      Initiated: 'true'
    keywords:
      - needle
      - 42
    condition: selection or keywords
`

describe('outlineRule', () => {
  test('items with field, modifiers, values and their exact ranges, and the logsource', () => {
    const outline = outlineRule(rule)
    expect(outline?.logsource).toEqual({ category: 'process_creation', product: 'windows' })
    const items = outline?.items ?? []
    expect(items.map((i) => [i.identifier, i.key, i.field, i.modifiers])).toEqual([
      ['selection', 'Image|endswith', 'Image', ['endswith']],
      ['selection', 'Initiated', 'Initiated', []],
      ['keywords', 'keywords', '', []],
    ])
    for (const item of items)
      for (const value of item.values)
        expect(rule.slice(...value.range)).toMatch(
          new RegExp(`^'?${value.text.replace(/\\/g, '\\\\')}'?$`),
        )
    const [image, , keywords] = items
    expect(image && rule.slice(...(image.keyRange ?? [0, 0]))).toBe('Image|endswith')
    expect(image?.value).toEqual(['\\rundll32.exe', '\\regsvr32.exe'])
    expect(keywords?.keyRange).toBeUndefined()
    expect(keywords?.value).toEqual(['needle', 42])
  })

  test('a half-typed rule still has an outline of what parses', () => {
    const broken = rule.replace('condition: selection or keywords', 'condition: [selection')
    expect(outlineRule(broken)?.items.map((i) => i.key)).toEqual([
      'Image|endswith',
      'Initiated',
      'keywords',
    ])
    expect(outlineRule('title: no detection yet\n')).toBeUndefined()
  })

  test('an alias bomb gives items without a plain value, at once', () => {
    const anchors = ['a0: &a0 [x]']
    for (let i = 1; i <= 9; i++)
      anchors.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    const bomb = `title: b\n${anchors.join('\n')}\ndetection:\n  selection:\n    Image: *a9\n  condition: selection\n`
    const [item] = outlineRule(bomb)?.items ?? []
    expect(item?.key).toBe('Image')
    expect(item?.value).toBeUndefined()
    expect(ruleFingerprint(bomb)).toBeUndefined()
  })
})

describe('fingerprint', () => {
  const fingerprint = (text: string) => compileRule(text).fingerprint
  const base = fingerprint(rule)

  test('a compiled rule has one, the same as read without compiling', () => {
    expect(base).toBeDefined()
    expect(ruleFingerprint(rule)).toBe(base)
  })

  test('worked out only when read (the CLI and corpus compiles never read it)', () => {
    const compiled = compileRule(rule)
    const property = Object.getOwnPropertyDescriptor(compiled, 'fingerprint')
    expect(property?.get).toBeTypeOf('function')
    expect(property?.enumerable).toBe(true)
    expect(compiled.fingerprint).toBe(base)
    expect({ ...compiled }.fingerprint).toBe(base)
    expect(compileRule('title: t\n').fingerprint).toBeUndefined()
  })

  test('descriptive edits keep it; anything a verdict reads changes it', () => {
    expect(fingerprint(rule.replace('title: Outline', 'title: Renamed\nlevel: high'))).toBe(base)
    for (const edit of [
      rule.replace('needle', 'pin'),
      rule.replace('process_creation', 'network_connection'),
      rule.replace('Outline', 'Outline\nid: 5f2b5a4e-1c1d-4a0e-9c39-6a1c2c9e7d10'),
      `${rule}---\ntitle: f\nlogsource:\n  product: windows\nfilter:\n  rules: any\n  selection:\n    User: admin\n  condition: not selection\n`,
    ]) {
      expect(fingerprint(edit)).toBeDefined()
      expect(fingerprint(edit)).not.toBe(base)
    }
  })
})
