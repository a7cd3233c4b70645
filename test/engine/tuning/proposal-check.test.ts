/**
 * A proposed filter is checked by the real engine over the current matches. An exception
 * while judging one event (issue 14: never a verdict) is counted and said, not taken as
 * "the filter keeps this event".
 */
import { describe, expect, test } from 'vitest'
import {
  checkProposal,
  compileRule,
  evaluate,
  parseEvents,
  type CompiledRule,
} from '../../../src/engine/index.ts'
import { drain } from '../../../src/engine/tuning/steps.ts'
import { checkProposalStepsWith } from '../../../src/engine/tuning/proposal-check.ts'
import type { FilterProposal } from '../../../src/engine/tuning/types.ts'

const events = parseEvents(
  JSON.stringify([
    { Image: 'C:\\a\\rundll32.exe', ParentImage: 'C:\\updater.exe' },
    { Image: 'C:\\a\\rundll32.exe', ParentImage: 'C:\\updater.exe' },
    { Image: 'C:\\a\\rundll32.exe', ParentImage: 'C:\\explorer.exe' },
  ]),
).events
const allMatch = new Uint8Array([1, 1, 1])

const proposal: FilterProposal = {
  nonce: 1,
  blocks: [
    {
      name: 'filter_optional_updater',
      items: [{ field: 'ParentImage', modifier: 'endswith', value: '\\updater.exe' }],
    },
  ],
  removed: [],
  removedCount: 0,
  fixed: 0,
  missed: 0,
}

describe('checking a proposed filter', () => {
  test('the engine decides what the blocks remove, and what marked events they fix', () => {
    const checked = checkProposal(proposal, events, allMatch, { 0: 'nomatch', 2: 'match' }, {})
    expect(checked.removed).toEqual([0, 1])
    expect(checked.removedCount).toBe(2)
    expect(checked.fixed).toBe(1)
    expect(checked.missed).toBe(0)
    expect(checked.message).toBeUndefined()
  })

  test('an engine failure on one event is counted and said, not taken as kept', () => {
    // The real engine, failing on the second event as an exception inside it would.
    const engine = {
      compile: (text: string) => compileRule(text).rule,
      evaluate: (rule: CompiledRule, event: unknown) =>
        event === events[1]?.value
          ? { failed: true as const, message: 'RangeError: boom' }
          : evaluate(rule, event),
    }
    const checked = drain(
      checkProposalStepsWith(engine, proposal, events, allMatch, { 1: 'nomatch' }, {}),
    )
    expect(checked.removed).toEqual([0])
    expect(checked.fixed).toBe(0)
    expect(checked.missed).toBe(0)
    expect(checked.message).toMatch(/The engine failed on 1 event while checking this filter/)
  })
})
