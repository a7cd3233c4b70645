// The budget watchdog: silence for the budget stops the worker, but a timer that fires late
// (the page's own main thread was busy, the worker's heartbeats still queued) waits a little.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { budgetOver, Watchdog } from '../../src/worker/watchdog.ts'

let clock = 0
let expired = 0
const dog = () =>
  new Watchdog(
    () => expired++,
    () => clock,
  )

/** `ms` pass for the timers; the page's clock moves `stall` further (the thread was blocked). */
function pass(ms: number, stall = 0) {
  clock += ms + stall
  vi.advanceTimersByTime(ms)
}

beforeEach(() => {
  vi.useFakeTimers()
  clock = 0
  expired = 0
})
afterEach(() => vi.useRealTimers())

describe('Watchdog', () => {
  it('expires after the budget without a heartbeat, and not after a heartbeat', () => {
    const watchdog = dog()
    watchdog.arm(1000)
    pass(900)
    watchdog.arm(1000) // a heartbeat
    pass(900)
    expect(expired).toBe(0)
    pass(100)
    expect(expired).toBe(1)
  })

  it('gives a heartbeat queued behind a stalled page its turn before blaming the worker', () => {
    const watchdog = dog()
    watchdog.arm(1000)
    pass(1000, 1500) // the timer runs 1.5 s late, before the queued heartbeat
    expect(expired).toBe(0)
    watchdog.arm(1000) // the heartbeat, handled next
    pass(999)
    expect(expired).toBe(0)
    pass(1)
    expect(expired).toBe(1)
  })

  it('still stops a stuck worker when nothing comes after the stall, or the page stays busy', () => {
    const watchdog = dog()
    watchdog.arm(1000)
    pass(1000, 800)
    expect(expired).toBe(0)
    pass(250) // the grace passes on time: nothing was queued
    expect(expired).toBe(1)

    watchdog.arm(1000)
    pass(1000, 800)
    for (let stall = 0; stall < 10 && expired === 1; stall++) pass(250, 800)
    expect(expired).toBe(2)
  })

  it('stop cancels the budget', () => {
    const watchdog = dog()
    watchdog.arm(1000)
    watchdog.stop()
    pass(5000)
    expect(expired).toBe(0)
  })
})

describe('budgetOver', () => {
  it('adds a whole second per 5 million characters of events, none below', () => {
    expect(budgetOver(1000, 4_999_999)).toBe(1000)
    expect(budgetOver(1000, 5_000_000)).toBe(2000)
    expect(budgetOver(1000, 52_438_111)).toBe(11_000)
  })
})
