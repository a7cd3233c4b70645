// The values the worker keeps while the rule is edited (edit-memo.ts): each edit below changes
// a verdict that a kept value would have left as it was.
import { describe, expect, it } from 'vitest'
import type { EngineOptions } from '../../src/engine/index.ts'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { DEFAULT_EVENTS } from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'
import { COMMAND_LINE_AS_IMAGE } from '../engine/pipeline/fixtures.ts'

const ruleOn = (category: string, value = 'rundll32') => `title: Edited
logsource:
  category: ${category}
  product: windows
detection:
  selection:
    CommandLine|contains: ${value}
  filter:
    User: alice
  condition: selection and not filter
`

const EVENTS = JSON.stringify([
  { Image: 'C:\\Windows\\System32\\rundll32.exe', CommandLine: 'x.dll,Entry', User: 'bob' },
  { Image: 'C:\\Windows\\explorer.exe', CommandLine: 'rundll32 y.dll', User: 'bob' },
])

/** Matches after each edit, from one analyzer kept across them; a fresh one must agree. */
function matchesAfter(edits: { rule: string; options?: EngineOptions; events?: string }[]) {
  const kept = new Analyzer()
  let events = EVENTS
  kept.setEvents(events)
  return edits.map(({ rule, options = {}, events: newEvents }) => {
    if (newEvents !== undefined) kept.setEvents((events = newEvents))
    kept.setRule(rule, options)
    const fresh = new Analyzer()
    fresh.setEvents(events)
    fresh.setRule(rule, options)
    const { rows, counts } = kept.analyze(0)
    const expected = fresh.analyze(0).rows
    expect({ match: [...rows.match], hits: [...rows.hits] }).toEqual({
      match: [...expected.match],
      hits: [...expected.hits],
    })
    return counts.matches
  })
}

describe('kept search values', () => {
  it('follow an edited value, and keep the searches that did not change', () => {
    const kept = new Analyzer()
    kept.setEvents(DEFAULT_EVENTS)
    kept.setRule(DEFAULT_RULE, {})
    expect(kept.analyze(0).counts.matches).toBe(2)
    // Event #1 goes to 10.2.3.4: no longer a local range once 10.0.0.0/8 is 11.0.0.0/8.
    kept.setRule(DEFAULT_RULE.replace("'10.0.0.0/8'", "'11.0.0.0/8'"), {})
    const edited = kept.analyze(0)
    expect(edited.counts.matches).toBe(3)
    expect(edited.counts.perIdentifier.filter_main_local_ranges).toBe(1)
    kept.setRule(DEFAULT_RULE, {})
    expect(kept.analyze(0).counts.matches).toBe(2)
  })

  it('follow the logsource when a pipeline renames fields for one logsource only', () => {
    const options = { pipelines: [COMMAND_LINE_AS_IMAGE] }
    expect(
      matchesAfter([
        { rule: ruleOn('process_creation'), options },
        { rule: ruleOn('network_connection'), options },
        { rule: ruleOn('process_creation'), options },
      ]),
    ).toEqual([1, 1, 1])
    // Under process_creation CommandLine is read from Image: event #0 matches, not #1.
    const kept = new Analyzer()
    kept.setEvents(EVENTS)
    kept.setRule(ruleOn('process_creation'), options)
    expect([...kept.analyze(0).rows.match]).toEqual([1, 0])
    kept.setRule(ruleOn('network_connection'), options)
    expect([...kept.analyze(0).rows.match]).toEqual([0, 1])
  })

  it('follow the options and the events', () => {
    const rule = ruleOn('process_creation')
    expect(
      matchesAfter([
        { rule },
        { rule, options: { fieldMap: { CommandLine: 'Image' } } },
        { rule, options: { fieldMap: { CommandLine: 'User' } } },
        { rule, events: '{"CommandLine": "rundll32", "User": "alice"}' },
        { rule: ruleOn('process_creation', 'explorer') },
        { rule },
        // The same rule and options over the same events in another order.
        { rule, events: JSON.stringify([...JSON.parse(EVENTS)].reverse()) },
      ]),
    ).toEqual([1, 1, 0, 0, 0, 0, 1])
  })
})
