import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { isMap, isScalar, isSeq, type Pair } from 'yaml'
import { fastParse } from '../../../src/engine/yaml/fast-parse.ts'
import { parseWithYaml } from '../../../src/engine/yaml/parse.ts'
import { corpusRuleFiles, sigmaPath } from '../../corpus/corpus-files.ts'
import { dedent } from '../../helpers/dedent.ts'

/** Every node as `kind value@start-end`, depth first: equal outlines = equal trees and ranges. */
function outline(node: unknown, out: string[] = []): string[] {
  const r = (node as { range?: number[] } | null)?.range
  const at = r ? `@${r[0]}-${r[1]}` : '@?'
  if (isMap(node)) {
    out.push(`map${at}`)
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      outline(pair.key, out)
      outline(pair.value, out)
    }
  } else if (isSeq(node)) {
    out.push(`seq${at}`)
    for (const item of node.items) outline(item, out)
  } else if (isScalar(node)) out.push(`${JSON.stringify(node.value)}${at}`)
  else out.push(`other ${String(node)}`)
  return out
}

/** The fast parser either declines or agrees with the `yaml` package exactly. */
function agrees(text: string): boolean {
  const fast = fastParse(text)
  if (!fast) return false
  const reference = parseWithYaml(text)
  expect(reference.diagnostics).toEqual([])
  expect(reference.documents).toHaveLength(1)
  expect(outline(fast)).toEqual(outline(reference.documents[0]?.contents))
  return true
}

describe('fast path agrees with the yaml package', () => {
  test('the shapes Sigma rules use', () => {
    const text = dedent`
      title: 'It''s a title' # comment
      id: "a\\\\b\\x41\\u00e9"
      description: |
          Line one
            indented

          after a blank
      folded: >-
          one
          two

          three
      tags:
          - attack.t1059
          - 'quoted'
      related:
          - id: x
            type: derived
      logsource:
          product: windows
      detection:
          selection:
              EventID: [1, '2', "3"]
              Image|endswith: '\\cmd.exe'
              Empty:
              Nulls: ~
              Bool: true
              Neg: -5
          list:
          - a
          - b: c
          condition: selection and not list
      level: high
    `
    expect(agrees(text)).toBe(true)
  })
  test.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a flow map', 'a: {b: 1}\n'],
    ['a multi-line plain scalar', 'a: one\n    two\n'],
    ['a tab', 'a:\t1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a float', 'a: 1.5\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['a top-level list', '- a\n'],
    ['a plain value with ": "', 'a: b: c\n'],
    ['a keep-chomping block', 'a: |+\n    x\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
  ])('declines %s', (_, text) => {
    expect(fastParse(text)).toBeUndefined()
  })
})

describe('on the SigmaHQ corpus', () => {
  test('every rule the fast path takes is parsed exactly as the yaml package parses it', () => {
    const files = corpusRuleFiles()
    const declined: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const ok = (() => {
        try {
          return agrees(text)
        } catch (e) {
          throw new Error(`${sigmaPath(file)}: ${String(e)}`, { cause: e })
        }
      })()
      if (!ok) declined.push(sigmaPath(file))
    }
    // The fast path only pays if nearly every real rule takes it.
    expect(declined.length / files.length).toBeLessThan(0.05)
  })
})
