// A search's key (CompiledSearch.key) names what it tests and nothing of where it is written:
// the page keeps a search's values by it while the rule is edited.
import { describe, expect, it } from 'vitest'
import { compileRule } from '../../../src/engine/index.ts'

function keys(detection: string): (string | undefined)[] {
  const text = `title: Keys\nlogsource:\n  category: process_creation\ndetection:\n${detection}`
  const { rule, diagnostics } = compileRule(text, {})
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return rule?.searches.map((s) => s.key) ?? []
}

describe('search keys', () => {
  it('are equal for the same items wherever they sit, and name no identifier', () => {
    const [a, b] = keys(
      '  first:\n    Image|endswith: x.exe\n  second:\n      Image|endswith:   x.exe\n  condition: first or second\n',
    )
    expect(a).toBeDefined()
    expect(a).toBe(b)
  })

  it('differ when a field, a modifier, a value or its type differs', () => {
    const bodies = [
      'Image|endswith: x.exe',
      'Image|endswith: y.exe',
      'Image|startswith: x.exe',
      'ParentImage|endswith: x.exe',
      'Image|endswith:\n      - x.exe\n      - y.exe',
      'Port: 0',
      'Port: -0',
      "Port: '0'",
      'Port: .nan',
      'Port: null',
      'Port: true',
      "Port: 'true'",
    ]
    const detection = bodies.map((body, i) => `  s${i}:\n    ${body}\n`).join('')
    const found = keys(`${detection}  condition: 1 of them\n`)
    expect(new Set(found).size).toBe(bodies.length)
  })

  it('tell a list of maps from the same items in one map, and keywords from a field', () => {
    const found = keys(
      [
        '  ored:\n    - Image: a\n    - User: b',
        '  anded:\n    Image: a\n    User: b',
        '  words:\n    - a',
        '  field:\n    Image: a',
        '  condition: 1 of them\n',
      ].join('\n'),
    )
    expect(new Set(found).size).toBe(4)
  })
})
