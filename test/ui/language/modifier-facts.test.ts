// The modifier facts in the engine's registry tie the editor's lists to the engine: every
// modifier documented, every suggested next modifier a legal order as the engine judges it.
import { describe, expect, it } from 'vitest'
import { compileRule, modifierFacts } from '../../../src/engine/index.ts'
import { modifierDoc, modifierDocs } from '../../../src/ui/language/modifier-docs.ts'
import { rankModifiers } from '../../../src/ui/language/modifier-order.ts'

const facts = modifierFacts()
const names = facts.map((m) => m.name)

/** A value the first modifier of a chain takes. */
function valueFor(first: string): string {
  const family = facts.find((m) => m.name === first)?.family
  if (family === 'time' || family === 'compare') return '5'
  if (family === 'fieldref') return 'OtherField'
  return "'x'"
}

const errorsOf = (chain: string[]) =>
  compileRule(
    [
      'title: t',
      'logsource: {product: windows}',
      'detection:',
      '    sel:',
      `        Field|${chain.join('|')}: ${valueFor(chain[0] ?? '')}`,
      '    condition: sel',
      '',
    ].join('\n'),
  ).diagnostics.filter((d) => d.severity === 'error')

describe('modifier facts', () => {
  it('document every registry modifier once (aliases through their short name), and no other', () => {
    for (const m of facts) expect(modifierDoc(m.aliasOf ?? m.name), m.name).toBeDefined()
    for (const doc of modifierDocs) expect(names).toContain(doc.name)
    // The words come from the registry: none is missing, each example uses its modifier.
    for (const m of facts) {
      expect(m.summary, m.name).not.toBe('')
      expect(m.example, m.name).toContain(m.aliasOf ?? m.name)
    }
  })

  it('suggest next only modifiers the engine accepts in that order', () => {
    // Regex flags follow `re`: their chains start there.
    const start = (m: (typeof facts)[number]) => (m.family === 'reflag' ? ['re', m.name] : [m.name])
    const pairs = facts.flatMap((m) => m.next.map((next) => [...start(m), next]))
    expect(pairs.length).toBeGreaterThan(30)
    for (const chain of pairs) {
      expect(names, chain.join('|')).toContain(chain.at(-1))
      expect(errorsOf(chain), chain.join('|')).toEqual([])
    }
    // The check can fail: a chain the engine refuses shows errors.
    expect(errorsOf(['contains', 're'])).not.toEqual([])
  })

  it('rank the registry next modifiers first', () => {
    for (const m of facts.filter((f) => f.next.length > 0))
      expect(rankModifiers([m.name]).slice(0, m.next.length)).toEqual(
        m.next.filter((n) => n !== m.name),
      )
  })
})
