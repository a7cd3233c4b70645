// The row explanation of an event that does not match says why a field could not.
import { expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { rowAt } from '../../src/worker/rows.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'

it('names the missing field, the field this event has, and the pipeline', () => {
  const a = new Analyzer()
  a.setEvents(
    JSON.stringify([
      { process: { executable: 'C:\\Windows\\System32\\rundll32.exe' }, Initiated: 'true' },
    ]),
  )
  a.setRule(DEFAULT_RULE, {})
  const result = a.analyze(0, [0, 50])
  expect(rowAt(result.rows, 0)?.summary).toContain(
    '`Image` is missing; this event has `process.executable` — use the Elastic Common Schema for Windows pipeline?',
  )
})
