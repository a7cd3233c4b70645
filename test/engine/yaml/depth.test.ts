/**
 * Issue 14: a rule nested thousands deep overflowed the stack of the YAML parser or of the
 * readers after it, and the user read "Maximum call stack size exceeded", sometimes at 1:1.
 * Nesting is now refused at the place it goes past 64 levels (SigmaHQ's deepest rule nests 5),
 * with words a rule author can act on, whatever the depth and however it is written.
 */
import { describe, expect, test } from 'vitest'
import { compileRule } from '../../../src/engine/index.ts'
import { LineIndex } from '../../../src/engine/line-index.ts'
import { MAX_NESTING } from '../../../src/engine/yaml/depth.ts'

const head = 'title: deep\nlogsource: {product: windows}\ndetection:\n'
const flowList = (depth: number) => `${'['.repeat(depth)}needle${']'.repeat(depth)}`

function errorsOf(text: string) {
  const lines = new LineIndex(text)
  return compileRule(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, message: d.message, at: lines.position(d.range[0]) }))
}

describe('nesting depth', () => {
  test('a flow list 64 deep in all is read; one level more is refused where it goes too deep', () => {
    // detection › keywords › the lists: the root map and `detection` count as two levels.
    const ok = `${head}  keywords: ${flowList(MAX_NESTING - 2)}\n  condition: keywords\n`
    expect(errorsOf(ok)).toEqual([])
    const deep = `${head}  keywords: ${flowList(MAX_NESTING - 1)}\n  condition: keywords\n`
    const [only, ...rest] = errorsOf(deep)
    expect(rest).toEqual([])
    expect(only?.code).toBe('YAML_SYNTAX')
    expect(only?.message).toMatch(/more than 64 levels deep/)
    // The root map and `detection` are levels 1 and 2, so the 63rd `[` opens the 65th: the
    // first `[` is at column 13.
    expect(only?.at).toEqual({ line: 4, col: 13 + MAX_NESTING - 2 })
  })

  test.each([1_000, 100_000])(
    'a flow list %i deep is refused before it is parsed, at its 65th bracket',
    (depth) => {
      // Parsing first would take seconds (the parser is quadratic in depth), then overflow.
      const errors = errorsOf(`${head}  keywords: ${flowList(depth)}\n  condition: keywords\n`)
      expect(errors).toEqual([
        {
          code: 'YAML_SYNTAX',
          message: expect.stringMatching(/more than 64 levels deep/) as string,
          at: { line: 4, col: 13 + MAX_NESTING },
        },
      ])
    },
  )

  test('brackets inside quoted strings, comments and block scalars are text, not nesting', () => {
    const many = '['.repeat(200)
    const text = `${head}  selection:\n    CommandLine|contains:\n      - '${many}'\n      - "${many}"\n  # ${many}\n  condition: selection\ndescription: |\n  ${many}\n`
    expect(errorsOf(text)).toEqual([])
  })

  test('block sequences nested 500 deep are refused on the line where they pass the limit', () => {
    const lines = ['  selection:']
    for (let i = 0; i < 500; i++) lines.push(`${' '.repeat(4 + i)}-`)
    lines[lines.length - 1] += ' x'
    const errors = errorsOf(`${head}${lines.join('\n')}\n  condition: selection\n`)
    expect(errors.map((e) => e.code)).toEqual(['YAML_SYNTAX'])
    // Root and detection are levels 1 and 2; the `-` on line 5 opens level 3, so the one on
    // line 67 opens the 65th.
    expect(errors[0]?.at.line).toBe(5 + MAX_NESTING - 2)
  })

  test('block maps in the layout the fast parser reads: 64 levels read, 65 refused', () => {
    // Block style throughout (no flow map, no tab), so the fast path, not the full parser,
    // reads the text; it must refuse the depth as the full parser's documents are refused.
    const nested = (levels: number) => {
      const lines = ['detection:', '  keywords:']
      for (let i = 0; i < levels; i++) lines.push(`${'  '.repeat(i + 2)}k${i}:`)
      lines[lines.length - 1] += ' x'
      return `title: deep\nlogsource:\n  product: windows\n${lines.join('\n')}\n  condition: keywords\n`
    }
    // Root, detection and keywords are 3 levels; each k adds one, the last holding a scalar.
    const read = errorsOf(nested(MAX_NESTING - 2))
    expect(read.filter((e) => e.code === 'YAML_SYNTAX')).toEqual([])
    const refused = errorsOf(nested(MAX_NESTING - 1))
    expect(refused.map((e) => e.code)).toEqual(['YAML_SYNTAX'])
    expect(refused[0]?.message).toMatch(/more than 64 levels deep/)
  })

  test('depth built from aliases is counted, and shown where the alias is written', () => {
    const anchors = ['a0: &a0 [x]']
    for (let i = 1; i <= 70; i++) anchors.push(`a${i}: &a${i} [*a${i - 1}]`)
    const text = `title: deep\nlogsource: {product: windows}\n${anchors.join('\n')}\ndetection:\n  keywords: *a70\n  condition: keywords\n`
    const errors = errorsOf(text)
    expect(errors.map((e) => e.code)).toEqual(['YAML_SYNTAX'])
    expect(errors[0]?.message).toMatch(/more than 64 levels deep/)
  })

  test('an ordinary rule is untouched', () => {
    const text = `${head}  selection:\n    Image|endswith:\n      - '\\a.exe'\n      - '\\b.exe'\n  condition: selection\n`
    expect(errorsOf(text)).toEqual([])
  })
})
