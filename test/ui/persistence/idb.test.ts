/**
 * Opening IndexedDB slowly, as a busy machine does: reads stop waiting so start-up goes on,
 * but the open is not given up, and writes and the "is there IndexedDB?" answer wait for it.
 * Node has no IndexedDB, so `indexedDB.open` here answers after OPEN_MS of fake time.
 */
import { afterEach, expect, test, vi } from 'vitest'

const OPEN_MS = 3000

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.resetModules()
})

function slowIndexedDb() {
  const db = { name: 'opened' }
  vi.stubGlobal('indexedDB', {
    open() {
      const request: { result?: unknown; onsuccess?: () => void } = {}
      setTimeout(() => {
        request.result = db
        request.onsuccess?.()
      }, OPEN_MS)
      return request
    },
  })
}

test('a read gives up after 2 s, but the open goes on and the page gets its database', async () => {
  vi.useFakeTimers()
  slowIndexedDb()
  const { idbAvailable, idbGet } = await import('../../../src/ui/persistence/idb.ts')
  const read = idbGet('x')
  const available = idbAvailable()
  await vi.advanceTimersByTimeAsync(2000)
  expect(await read).toBeUndefined()
  await vi.advanceTimersByTimeAsync(OPEN_MS)
  expect(await available).toBe(true)
  expect(await idbAvailable()).toBe(true)
})

test('no IndexedDB at all is said at once', async () => {
  vi.stubGlobal('indexedDB', undefined)
  const { idbAvailable, idbPut } = await import('../../../src/ui/persistence/idb.ts')
  expect(await idbAvailable()).toBe(false)
  expect(await idbPut('x', 1)).toBe(false)
})
