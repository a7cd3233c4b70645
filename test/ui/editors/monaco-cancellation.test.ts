/**
 * Monaco's harmless cancellations are kept out of the page's error reports, and nothing else is.
 */
import { describe, expect, test } from 'vitest'
import {
  isMonacoCancellation,
  silenceMonacoCancellations,
} from '../../../src/ui/editors/monaco-cancellation.ts'

/** Built as Monaco builds its own (an Error named after its message). */
class CancellationError extends Error {
  constructor() {
    super('Canceled')
    this.name = this.message
  }
}

function reported(type: 'unhandledrejection' | 'error', payload: unknown): boolean {
  const target = new EventTarget()
  silenceMonacoCancellations(target as unknown as Window)
  const event = Object.assign(new Event(type, { cancelable: true }), {
    reason: payload,
    error: payload,
  })
  target.dispatchEvent(event)
  return !event.defaultPrevented
}

describe('Monaco cancellations', () => {
  test('only an Error named and saying "Canceled" is one', () => {
    expect(isMonacoCancellation(new CancellationError())).toBe(true)
    expect(isMonacoCancellation(new Error('Canceled'))).toBe(false)
    expect(isMonacoCancellation(new TypeError('x'))).toBe(false)
    expect(isMonacoCancellation('Canceled')).toBe(false)
    expect(isMonacoCancellation({ name: 'Canceled', message: 'Canceled' })).toBe(false)
    expect(isMonacoCancellation(undefined)).toBe(false)
  })

  test.each(['unhandledrejection', 'error'] as const)(
    'an unhandled %s is silenced for a cancellation and reported for anything else',
    (type) => {
      expect(reported(type, new CancellationError())).toBe(false)
      expect(reported(type, new Error('Canceled'))).toBe(true)
      expect(reported(type, new Error('boom'))).toBe(true)
    },
  )
})
