import { describe, expect, it } from 'vitest'
import { deflateRaw, inflateRawCapped } from '../../src/share/deflate.ts'
import { decodeFragment, MAX_DECOMPRESSED_BYTES } from '../../src/share/index.ts'
import { fragmentOfBytes } from './helpers.ts'

const filled = (length: number, byte = 0x61) => new Uint8Array(length).fill(byte)

describe('decompression cap', () => {
  it('refuses a real compressed bomb (30 MB from a short link) as TOO_LARGE', async () => {
    const json = new Uint8Array([
      ...new TextEncoder().encode('{"rule":"'),
      ...filled(30 * 1024 * 1024),
    ])
    const fragment = await fragmentOfBytes(json)
    // The bomb is a link of only tens of kilobytes.
    expect(fragment.length).toBeLessThan(60_000)
    const result = await decodeFragment(fragment)
    expect(result.ok ? 'ok' : result.error).toBe('TOO_LARGE')
    expect(result.ok ? '' : result.message).toContain('20 MB')
  })

  it('stops inflating as soon as the cap is passed, not after expanding everything', async () => {
    const bomb = await deflateRaw(filled(64 * 1024 * 1024, 0))
    const result = await inflateRawCapped(bomb, MAX_DECOMPRESSED_BYTES)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe('too-large')
    // One output chunk past the cap at most, far from the 64 MB the bomb holds.
    expect(result.bytesSeen).toBeGreaterThan(MAX_DECOMPRESSED_BYTES)
    expect(result.bytesSeen).toBeLessThan(MAX_DECOMPRESSED_BYTES + 2 * 1024 * 1024)
  })

  it('accepts exactly the limit and refuses one byte more', async () => {
    const compressed = await deflateRaw(filled(1000))
    const atLimit = await inflateRawCapped(compressed, 1000)
    expect(atLimit.ok && atLimit.bytes.length).toBe(1000)
    const over = await inflateRawCapped(compressed, 999)
    expect(over.ok ? 'ok' : over.reason).toBe('too-large')
  })

  it('opens a large but legitimate state (5 MB of events)', async () => {
    const events = JSON.stringify(
      Array.from({ length: 20_000 }, (_, i) => ({ EventID: 1, n: i, Image: 'C:\\x.exe' })),
    )
    const result = await decodeFragment(
      await fragmentOfBytes(new TextEncoder().encode(JSON.stringify({ events }))),
    )
    expect(result.ok && result.state.events).toBe(events)
  })
})
