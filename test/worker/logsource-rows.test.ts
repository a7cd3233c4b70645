// Rows outside the rule's logsource: marked with the reason, hidden from the view on request
// (verdicts unchanged), and no longer matching under the logsourceOnly option.
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { rowAt } from '../../src/worker/rows.ts'
import type { TuningRequest } from '../../src/engine/index.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'

const rundll = {
  Image: 'C:\\Windows\\System32\\rundll32.exe',
  Initiated: 'true',
  DestinationIp: '8.8.8.8',
}
const EVENTS = JSON.stringify([
  { EventID: 3, ...rundll },
  { EventID: 4624, ...rundll },
  { ...rundll },
])
const request = (hideOutside: boolean): TuningRequest => ({
  mode: 'all',
  search: '',
  whatif: {},
  expect: {},
  hideOutside,
})

describe('logsource in the worker rows', () => {
  it('marks the event outside, hides it on request, and changes its verdict only when asked', () => {
    const a = new Analyzer()
    a.setEvents(EVENTS)
    a.setRule(DEFAULT_RULE, {})
    const shown = a.analyze(0, [0, 50], request(false))
    expect(shown.counts).toMatchObject({ matches: 3, outside: 1 })
    expect(rowAt(shown.rows, 1)?.outside).toBe('EventID 4624 is not network_connection')
    expect([rowAt(shown.rows, 0)?.outside, rowAt(shown.rows, 2)?.outside]).toEqual([
      undefined,
      undefined,
    ])
    const hidden = a.analyze(0, [0, 50], request(true))
    expect(hidden.tuning?.view ? [...hidden.tuning.view] : undefined).toEqual([0, 2])
    expect(hidden.counts.matches).toBe(3)

    a.setRule(DEFAULT_RULE, { logsourceOnly: true })
    const only = a.analyze(0)
    expect(only.counts).toMatchObject({ matches: 2, outside: 1 })
    expect(rowAt(only.rows, 1)?.match).toBe(false)
  })
})
