/**
 * Screens are made when a rule set first asks for them (compiling one rule never builds them),
 * then kept: a rule in two sets, or asked twice, is screened from the same clauses.
 */
import { expect, test } from 'vitest'
import { compileRule, RuleSet } from '../../../src/engine/index.ts'
import { NOTHING_KNOWN, screenOnce } from '../../../src/engine/ruleset/needles.ts'

test('a screen is made on its first reading only, and kept', () => {
  let made = 0
  const clauses = [[{ field: 'Image', text: 'rundll32' }]]
  const screen = screenOnce(() => (made++, clauses))
  expect(made).toBe(0)
  expect(screen()).toBe(clauses)
  expect(screen()).toBe(clauses)
  expect(made).toBe(1)
  expect(screenOnce(() => NOTHING_KNOWN)()).toBe(NOTHING_KNOWN)
})

test("a compiled rule's searches give the same screen each time a set asks", () => {
  const text = `title: t
logsource: {product: windows}
detection:
  selection:
    Image|endswith: '\\rundll32.exe'
    CommandLine|contains: [',Control_RunDLL', 'javascript:']
  condition: selection
`
  const rule = compileRule(text).rule
  if (!rule) throw new Error('the rule should compile')
  const search = rule.searches[0]
  expect(search?.screen()).toBe(search?.screen())
  expect(search?.screen().length).toBeGreaterThan(0)
  // Two sets over the same compiled rule screen alike.
  const event = { Image: 'C:\\Windows\\System32\\rundll32.exe', CommandLine: 'x javascript:y' }
  expect(new RuleSet([rule]).candidates(event)).toEqual([0])
  expect(new RuleSet([rule]).candidates({ Image: 'cmd.exe', CommandLine: 'dir' })).toEqual([])
})
