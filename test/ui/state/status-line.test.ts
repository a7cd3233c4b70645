import { describe, expect, it } from 'vitest'
import {
  giveNotice,
  INITIAL_STATUS_LINE,
  NOTICE_HOLD_MS,
  shownStatus,
  updateRoutine,
  type StatusLine,
  type StatusMessage,
} from '../../../src/ui/state/status-line.ts'

const tally = { message: '3 of 5 events match · 12 ms', tone: 'success' } as const
const busy = { message: 'Evaluating… 100 of 5,000 events', tone: 'busy' } as const
const warning = {
  message: 'Autosaved the rule, but not the events (50,000 characters)',
  tone: 'warning',
} as const
const tabIndents = { message: 'Tab indents in the editors', tone: 'info' } as const

/** Applies steps in order: [kind, message, time, edits so far]. */
function run(steps: ['notice' | 'routine', StatusMessage, number, number][]) {
  return steps.reduce<StatusLine>(
    (line, [kind, said, at, edits]) =>
      kind === 'notice' ? giveNotice(line, said, at, edits) : updateRoutine(line, said, at, edits),
    INITIAL_STATUS_LINE,
  )
}

describe('the status line', () => {
  it('shows the routine line alone when there is no notice', () => {
    const line = updateRoutine(INITIAL_STATUS_LINE, tally, 1000, 3)
    expect(shownStatus(line)).toStrictEqual({ ...tally, id: 0 })
  })

  it('keeps a warning leading while evaluations of the same edit arrive, however late', () => {
    const line = run([
      ['notice', warning, 1000, 2],
      ['routine', busy, 1100, 2],
      ['routine', tally, 1000 + 60 * NOTICE_HOLD_MS, 2],
    ])
    expect(shownStatus(line)).toStrictEqual({ ...warning, id: 1, detail: tally })
  })

  it('keeps a notice for the hold time even when the user edits on', () => {
    const line = run([
      ['notice', tabIndents, 1000, 0],
      ['routine', tally, 1000 + NOTICE_HOLD_MS - 1, 1],
    ])
    expect(shownStatus(line).message).toBe(tabIndents.message)
    expect(shownStatus(line).detail).toStrictEqual(tally)
  })

  it('gives the line back to the routine once the notice was held and the user edited', () => {
    const line = run([
      ['notice', tabIndents, 1000, 0],
      ['routine', tally, 1000 + NOTICE_HOLD_MS, 1],
    ])
    expect(shownStatus(line)).toStrictEqual({ ...tally, id: 1 })
  })

  it('a newer notice replaces an older one at once', () => {
    const line = run([
      ['notice', warning, 1000, 0],
      ['notice', tabIndents, 1001, 0],
    ])
    expect(shownStatus(line)).toStrictEqual({
      ...tabIndents,
      id: 2,
      detail: INITIAL_STATUS_LINE.routine,
    })
  })

  it('a busy notice is progress: the next routine update takes its place', () => {
    const reading = giveNotice(
      INITIAL_STATUS_LINE,
      { message: 'Reading events.json… 40%', tone: 'busy' },
      1000,
      0,
    )
    expect(shownStatus(updateRoutine(reading, busy, 1001, 0))).toStrictEqual({ ...busy, id: 1 })
  })

  it('does not say the same words twice', () => {
    const line = run([
      ['notice', tally, 1000, 0],
      ['routine', tally, 1001, 0],
    ])
    expect(shownStatus(line).detail).toBeUndefined()
  })
})
