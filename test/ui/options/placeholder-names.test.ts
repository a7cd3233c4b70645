// The panel's pre-listed placeholders against the engine's own verdict, on SigmaHQ's
// placeholder rules and on hand-written layouts.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileRule } from '../../../src/engine/index.ts'
import {
  rulePlaceholders,
  unresolvedPlaceholders,
} from '../../../src/ui/options/placeholder-names.ts'
import { corpusRuleFiles, sigmaPath } from '../../corpus/corpus-files.ts'
import { readsCorpus, testEachCorpus } from '../../corpus/corpus-test.ts'
import { dedent } from '../../helpers/dedent.ts'

const expandRules = corpusRuleFiles()
  .map((path) => ({ path: sigmaPath(path), text: readFileSync(path, 'utf8') }))
  .filter((rule) => rule.text.includes('|expand'))

const unresolvedOf = (text: string, placeholders: Record<string, string[]> = {}) =>
  unresolvedPlaceholders(compileRule(text, { placeholders }).diagnostics, text)

describe('rulePlaceholders on SigmaHQ rules', () => {
  it('finds placeholder rules in the corpus', readsCorpus, () => {
    expect(expandRules.length).toBeGreaterThanOrEqual(20)
  })

  testEachCorpus(
    () => expandRules.map((r) => [r.path, r.text] as const),
    'lists exactly what the engine misses in %s, and filling it resolves the rule',
    (_path, text) => {
      const listed = rulePlaceholders(text)
      const missing = unresolvedOf(text)
      expect(missing.length).toBeGreaterThan(0)
      expect(new Set(listed)).toEqual(new Set(missing))
      const filled = Object.fromEntries(listed.map((name) => [name, ['x']]))
      expect(unresolvedOf(text, filled)).toEqual([])
    },
  )
})

describe('rulePlaceholders layouts', () => {
  it('reads scalars, lists, indentless lists and list-of-maps items', () => {
    const text = dedent`
      detection:
          a:
              CommandLine|expand: '%One%'
              User|contains|expand:
                  - '%Two%'
                  - 'x-%Three%-y'
              Host|expand:
              - '%Four%'
          b:
              - Image|expand: '%Five%'
                Other: '%NotExpand%'
          c:
              Plain: '%Six%'
          condition: a or b or c
    `
    expect(rulePlaceholders(text)).toEqual(['One', 'Two', 'Three', 'Four', 'Five'])
    expect(new Set(unresolvedOf(text))).toEqual(new Set(rulePlaceholders(text)))
  })

  it('ignores comments and escaped percent signs', () => {
    const text = dedent`
      detection:
          sel:
              Path|expand: '%Dir%\\%literal' # 100% sure, %NotMe%
              # Path|expand: '%Commented%'
          condition: sel
    `
    expect(rulePlaceholders(text)).toEqual(['Dir'])
  })

  it('finds nothing in a rule without expand', () => {
    expect(rulePlaceholders("detection:\n    s:\n        A: '%x%'\n    condition: s\n")).toEqual([])
  })
})
