/**
 * Issue 14: a rule from a hostile link may hold a YAML alias bomb ("billion laughs"): nine
 * anchors, each a list of nine aliases of the one before, stand for 9^9 strings in a few lines.
 * The engine measures what a detection stands for before reading it (each alias target sized
 * once), so the bomb gets one clear error at once instead of minutes of work; an ordinary alias
 * still works as in pySigma (YAML resolves it).
 */
import { describe, expect, test } from 'vitest'
import { parseDocument } from 'yaml'
import { compileRule, verdict } from '../../../src/engine/index.ts'
import { expandedSize } from '../../../src/engine/yaml/nodes.ts'
import { dedent } from '../../helpers/dedent.ts'

/** `l0: &l0 ["lol", ...]`, then `lN: &lN [*lN-1, ...]`: 9^levels strings once expanded. */
function laughs(levels: number): string {
  const lines = [`l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`]
  for (let i = 1; i <= levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    )
  return lines.join('\n')
}

const rule = (body: string) =>
  `title: bomb\nlogsource: {product: windows}\n${laughs(9)}\ndetection:\n${body}\n    condition: selection\n`

describe('YAML alias bombs', () => {
  test('a bomb as a field value is reported, not expanded', () => {
    const result = compileRule(rule('    selection:\n        Image: *l9'))
    expect(result.rule).toBeUndefined()
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.code)).toEqual(['DETECTION_TOO_LARGE'])
  })

  test('a bomb as a keyword list and as the whole selection is reported, not expanded', () => {
    for (const body of ['    selection: *l9', '    selection:\n        - *l9']) {
      const result = compileRule(rule(body))
      expect(result.rule, body).toBeUndefined()
      const errors = result.diagnostics.filter((d) => d.severity === 'error')
      expect(
        errors.map((d) => d.code),
        body,
      ).toEqual(['DETECTION_TOO_LARGE'])
    }
  })

  test('an ordinary alias is resolved, as YAML and pySigma do', () => {
    const result = compileRule(dedent`
      title: alias
      logsource: {product: windows}
      images: &images ['\\whoami.exe', '\\hostname.exe']
      detection:
          selection:
              Image|endswith: *images
          condition: selection
    `)
    expect(result.rule).toBeDefined()
    if (!result.rule) return
    expect(verdict(result.rule, { Image: 'C:\\Windows\\hostname.exe' })).toMatchObject({
      match: true,
    })
    expect(verdict(result.rule, { Image: 'C:\\Windows\\cmd.exe' })).toMatchObject({
      match: false,
    })
  })
})

describe('expandedSize', () => {
  test('counts what aliases stand for, and stops just past the limit', () => {
    const doc = parseDocument('a: &a [1, 2, 3]\nb: [*a, *a, 4]\n')
    const b = doc.get('b', true)
    expect(expandedSize(b, doc, 1000)).toBe(1 + 2 * 4 + 1)
    expect(expandedSize(b, doc, 5)).toBe(6)
  })

  test('a bomb of nine levels is measured, not expanded', () => {
    const doc = parseDocument(laughs(9))
    expect(expandedSize(doc.get('l9', true), doc, 20_000)).toBe(20_001)
  })
})
