import { describe, expect, test } from 'vitest'
import { parseWithYaml, parseYaml } from '../../../src/engine/yaml/parse.ts'
import { asMap } from '../../../src/engine/yaml/nodes.ts'
import { dedent } from '../../helpers/dedent.ts'
import { documentCodes } from './document-codes.ts'

const codes = documentCodes

describe('YAML layer', () => {
  test('YAML 1.2 core schema: yes/no/on are strings, dates are strings', () => {
    for (const parse of [parseYaml, parseWithYaml]) {
      const { documents } = parse('a: yes\nb: 2024-01-01\nc: 010\n')
      expect(asMap(documents[0]?.contents)?.toJSON()).toEqual({ a: 'yes', b: '2024-01-01', c: 10 })
    }
  })
  test('a duplicate key is an error at the second key', () => {
    const text = dedent`
      detection:
          selection:
              Image: a
              Image: b
    `
    const parsed = parseYaml(text)
    expect(parsed.diagnostics).toHaveLength(1)
    const [d] = parsed.diagnostics
    expect(d?.code).toBe('DUPLICATE_KEY')
    expect(d?.range[0]).toBe(text.lastIndexOf('Image'))
  })
  test('a syntax error has its exact place', () => {
    const text = 'title: x\ndetection: [a, b\n'
    const [d] = parseYaml(text).diagnostics
    expect(d?.code).toBe('YAML_SYNTAX')
    expect(d?.severity).toBe('error')
    expect(d!.range[1]).toBeGreaterThan(d!.range[0])
    expect(d!.range[0]).toBeGreaterThanOrEqual(text.indexOf('['))
  })
  test('a bad indentation is a syntax error', () => {
    expect(codes('a:\n  b: 1\n c: 2\n').map((c) => c.code)).toContain('YAML_SYNTAX')
  })
  test('an unclosed quote is reported at the quote that opened the string, not at the end', () => {
    const single = "a: 1\nkey: '\\SOFTWARE\\Policies\\''\nb: 2\nc: 3\n"
    const double = 'a: 1\nkey: "ab\\"\nb: 2\n'
    for (const [text, quote, hint] of [
      [single, "'", "'' stands for one quote"],
      [double, '"', 'a backslash starts an escape'],
    ] as const) {
      const [d] = parseYaml(text).diagnostics
      expect(d?.code).toBe('YAML_SYNTAX')
      expect(d?.range).toEqual([text.indexOf(quote), text.indexOf(quote) + 1])
      expect(d?.message).toContain(hint)
    }
  })
})
