// An exception inside the engine for one event marks that row as an error and adds an INTERNAL
// events diagnostic; the other events keep their verdicts. The exception here is real: a
// regex whose backtracking stack overflows on a long subject (V8 throws a RangeError).
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { rowAt } from '../../src/worker/rows.ts'
import { evaluate, compileRule, isEventFailure } from '../../src/engine/index.ts'
import { OVERFLOW_EVENT, OVERFLOW_EVENTS, OVERFLOW_RULE } from '../fixtures/hostile-rules.ts'

const rule = OVERFLOW_RULE
const overflowing = OVERFLOW_EVENT
const events = OVERFLOW_EVENTS

describe('an engine failure on one event', () => {
  it('is a failure from the public API, not a non-match', () => {
    const compiled = compileRule(rule)
    expect(compiled.rule).toBeDefined()
    const result = evaluate(compiled.rule!, JSON.parse(overflowing))
    expect(isEventFailure(result)).toBe(true)
    expect(result).toMatchObject({ message: expect.stringMatching(/^RangeError: /) })
  })

  it('marks its row as an error and reports it with the event, the others still judged', () => {
    const analyzer = new Analyzer()
    analyzer.setEvents(events)
    analyzer.setRule(rule, {})
    const result = analyzer.analyze(0, [0, 1])
    expect(rowAt(result.rows, 0)).toMatchObject({ match: true })
    expect(rowAt(result.rows, 0)?.error).toBeUndefined()
    expect(rowAt(result.rows, 1)).toMatchObject({
      match: false,
      error: expect.stringMatching(/RangeError/),
    })
    expect(rowAt(result.rows, 2)).toMatchObject({ match: false })
    expect(result.counts).toMatchObject({ events: 3, matches: 1 })
    expect(result.trace?.match).toBe(true)
    const start = events.indexOf(overflowing)
    expect(result.events.diagnostics).toEqual([
      {
        code: 'INTERNAL',
        severity: 'error',
        message: expect.stringMatching(/^The engine failed on event #1, so it has no verdict/),
        range: [start, start + overflowing.length],
        event: 1,
      },
    ])
  })
})
