/**
 * A compiled rule keeps what evaluation needs, not the YAML tree it came from. A rule
 * set holds thousands of compiled rules, and every garbage collection walks what they keep: when
 * the closures held compileDetection's whole scope, SigmaHQ's rules kept 140 MB instead of 85.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { expect, test } from 'vitest'
import { compileRule } from '../../src/engine/index.ts'

setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

/**
 * A rule with a long list under a key no reader keeps: small as text (a slice of the text may
 * keep it whole), large as a YAML tree (a node and its range per entry).
 */
function bulkyRule(n: number): string {
  const list = Array.from({ length: 3000 }, (_, i) => `  - ${i % 10}\n`).join('')
  return `title: Bulky ${n}
logsource:
  product: windows
  category: process_creation
custom_list:
${list}detection:
  selection:
    Image|endswith: '\\rundll32.exe'
    CommandLine|contains: 'javascript:'
  condition: selection
`
}

test('compiled rules do not keep their YAML tree', () => {
  const count = 100
  collect()
  const before = process.memoryUsage().heapUsed
  const kept = Array.from({ length: count }, (_, n) => compileRule(bulkyRule(n)).rule)
  collect()
  const grown = process.memoryUsage().heapUsed - before
  expect(kept.every((rule) => rule?.matches(rule.prepare({ Image: 'x' })) === false)).toBe(true)
  // Kept, the 100 trees of 3,000 nodes would add 30 MB or more; the texts are 1.7 MB in all.
  expect(grown).toBeLessThan(8_000_000)
})

/**
 * Rules with long value lists keep a test per value, so a test must keep its value and little
 * else: when each closure was made inside compileGlob (keeping all its variables) and wrapped
 * once more by its leaf test, a value kept 840 bytes; then 630, and about 580 since a
 * case-insensitive literal is one object with a test method (leaf-tests.ts: FoldedLiteral).
 */
test('a long list keeps each value small', () => {
  const n = 4000
  const list = Array.from({ length: n }, (_, i) => `      - 'v${i}x'\n`).join('')
  const rule = (modifier: string, copy: number) => `title: Long list ${copy}
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine${modifier}:
${list}  condition: selection
`
  const modifiers = ['|contains', '|endswith', '|startswith', '']
  collect()
  const before = process.memoryUsage().heapUsed
  const kept = [0, 1, 2].flatMap((copy) => modifiers.map((m) => compileRule(rule(m, copy)).rule))
  collect()
  const perValue = (process.memoryUsage().heapUsed - before) / (kept.length * n)
  expect(kept.every((r) => r?.matches(r.prepare({ CommandLine: 'v17x' })))).toBe(true)
  expect(perValue).toBeLessThan(720)
})
