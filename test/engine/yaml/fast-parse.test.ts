import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { isMap, isScalar, isSeq } from 'yaml'
import { fastParse } from '../../../src/engine/yaml/fast-parse.ts'
import { parseWithYaml, parseYaml } from '../../../src/engine/yaml/parse.ts'
import { corpusRuleFiles, sigmaPath } from '../../corpus/corpus-files.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'
import { dedent } from '../../helpers/dedent.ts'

/** Every node as `kind value@start-end`, depth first: equal outlines = equal trees and ranges. */
function outline(node: unknown, out: string[] = []): string[] {
  const r = (node as { range?: number[] } | null)?.range
  const at = r ? `@${r[0]}-${r[1]}` : '@?'
  if (isMap(node)) {
    out.push(`map${at}`)
    for (const pair of node.items) {
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

const outlines = (documents: { contents: unknown }[]) => documents.map((d) => outline(d.contents))

/**
 * The parser the engine uses (fast path, or the `yaml` package when the fast path declines)
 * gives exactly the `yaml` package's trees, ranges and diagnostics; returns which path it took.
 * The fast path may only take text the `yaml` package reads as one clean document.
 */
function parsesLikeYaml(text: string): 'fast' | 'declined' {
  const reference = parseWithYaml(text)
  const parsed = parseYaml(text)
  expect(outlines(parsed.documents)).toEqual(outlines(reference.documents))
  expect(parsed.diagnostics).toEqual(reference.diagnostics)
  const fast = fastParse(text)
  if (!fast) return 'declined'
  expect(reference.diagnostics).toEqual([])
  expect(reference.documents).toHaveLength(1)
  expect(outline(fast)).toEqual(outline(reference.documents[0]?.contents))
  return 'fast'
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
    expect(parsesLikeYaml(text)).toBe('fast')
  })
  // These were all once different. The path each takes is pinned, so a fast path that starts
  // declining them (or takes the comment-only values it declines today) is noticed.
  test.each([
    ['a:   \nb: 1\n', 'fast'],
    ['a: # c\nb: 1\n', 'fast'],
    ['a:\n  # c\nb: 1\n', 'declined'],
    ['x:\n  a:\n    # c\n  b: 2\n', 'declined'],
    ['x:\n  a:\n    # c\n\n  b: 2\n', 'declined'],
    ['x:\n  a: 1\n    # c\n  b: 2\n', 'fast'],
    ['x:\n  - 1\n    # c\n  - 2\n', 'fast'],
    ['x:\n  k:\n    - a\n    # c1\n  cond: x\n', 'fast'],
    ['a: [ x , y ]\n', 'fast'],
  ] as const)('empty values and trailing comments: %j, %s', (text, path) => {
    expect(parsesLikeYaml(text)).toBe(path)
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
  ])('declines %s, and the yaml package reads it', (_, text) => {
    expect(fastParse(text)).toBeUndefined()
    expect(parsesLikeYaml(text)).toBe('declined')
  })
})

describe('on the SigmaHQ corpus', readsCorpus, () => {
  test('every rule the fast path takes is parsed exactly as the yaml package parses it', () => {
    const files = corpusRuleFiles()
    const declined: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const path = (() => {
        try {
          return parsesLikeYaml(text)
        } catch (e) {
          throw new Error(`${sigmaPath(file)}: ${String(e)}`, { cause: e })
        }
      })()
      if (path === 'declined') declined.push(sigmaPath(file))
    }
    // The fast path only pays if nearly every real rule takes it.
    expect(declined.length / files.length).toBeLessThan(0.05)
  })
})

describe('on generated YAML', () => {
  const key = fc.constantFrom(
    'a',
    'b',
    'Image|endswith',
    "'q|contains'",
    '"d"',
    'c d',
    '-x',
    'k1',
    'a',
    // Where a key ends: a colon inside it, spaces before the colon, a hash after a space.
    'a:b',
    'e  ',
    'f #g',
  )
  const good = fc.constantFrom(
    '1',
    '-2',
    'x',
    "'y''z'",
    '"a\\\\b"',
    '[1, x]',
    '[a,b]',
    'null',
    'yes',
    'true',
    'a # c',
    '~',
    "'#'",
    'x#y',
    'C:\\Windows',
    "''",
    '',
    '# only a comment',
    '|\n  one',
    '>-\n  one\n  two',
    'http://h:8080/p',
    'x:y',
    'v  # c',
  )
  const odd = fc.constantFrom(
    '1.5',
    '&a x',
    '*a',
    '{a: 1}',
    "'unclosed",
    'a: b',
    'x #',
    '- a',
    '|+\n  x',
    'x:',
  )
  const scalar = fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: odd, weight: 1 })
  type Tree = string | { map: [string, Tree][] } | { seq: Tree[] }
  const { tree } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('seq')),
    map: fc
      .array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 })
      .map((map) => ({ map })),
    seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
  }))
  const blockText = fc.constantFrom(
    '|\n  one\n  two',
    '>-\n  one\n\n  two',
    '|-\n  # not a comment',
  )

  /** Render as block YAML; `noise` decides where comments and odd indents go. */
  function render(node: Tree, indent: number, noise: () => number, out: string[]): void {
    const pad = ' '.repeat(indent)
    const sprinkle = () => {
      const n = noise()
      if (n % 5 === 0) out.push(' '.repeat(n % 12) + '# note')
      if (n % 7 === 0) out.push('')
    }
    if (typeof node === 'string') return
    if ('map' in node) {
      for (const [k, v] of node.map) {
        if (typeof v === 'string') out.push(`${pad}${k}: ${v.replace(/\n/g, '\n' + pad)}`)
        else if ('seq' in v && noise() % 2 === 0) {
          out.push(`${pad}${k}:`)
          render(v, indent, noise, out)
        } else {
          out.push(`${pad}${k}:`)
          render(v, indent + 2 + (noise() % 3) * 2, noise, out)
        }
        sprinkle()
      }
      return
    }
    for (const item of node.seq) {
      if (typeof item === 'string') out.push(`${pad}- ${item.replace(/\n/g, '\n' + pad)}`)
      else if ('map' in item && typeof item.map[0]?.[1] === 'string') {
        const [first, ...rest] = item.map
        out.push(`${pad}- ${first[0]}: ${(first[1] as string).replace(/\n/g, '\n' + pad + '  ')}`)
        render({ map: rest }, indent + 2, noise, out)
      } else {
        out.push(`${pad}-`)
        render(item, indent + 2, noise, out)
      }
      sprinkle()
    }
  }

  const doc = fc
    .tuple(
      fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }),
      fc.array(fc.nat(40), { minLength: 50, maxLength: 50 }),
      blockText,
    )
    .map(([entries, numbers, block]) => {
      let k = 0
      const noise = () => numbers[k++ % numbers.length] ?? 0
      const out: string[] = []
      render({ map: entries }, 0, noise, out)
      if (noise() % 3 === 0) out.push('block: ' + block.replace(/\n/g, '\n    '))
      return out.join('\n') + '\n'
    })

  test('the fast path never accepts what the yaml package rejects, and agrees otherwise', () => {
    const taken = { fast: 0, declined: 0 }
    const runs = Number(process.env.FAST_PARSE_RUNS ?? 3000)
    fc.assert(
      fc.property(doc, (text) => {
        taken[parsesLikeYaml(text)]++
      }),
      { numRuns: runs },
    )
    // The generator is only a test if the fast path takes a good share of its documents, and
    // the fallback a share too (the odd scalars are there for it). The fast path takes about
    // a tenth (296-343 of 3,000 over seven seeds), so the floor sits well below that.
    expect(taken.fast).toBeGreaterThan(runs / 20)
    expect(taken.declined).toBeGreaterThan(runs / 10)
  })
})
