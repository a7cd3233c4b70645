// Expectations (the tuning loop's marks) travel in links; links made before them still open.
import { describe, expect, it } from 'vitest'
import { decodeFragment, encodeState, V1_DEFAULTS } from '../../src/share/index.ts'
import { encodeV1 } from '../../src/share/encode.ts'

describe('expectations in share links', () => {
  it('round-trip with the rest of the state', async () => {
    const state = { ...V1_DEFAULTS, expect: { 0: 'nomatch', 12: 'match' } as const }
    const decoded = await decodeFragment(await encodeState(state))
    if (!decoded.ok) throw new Error(decoded.message)
    expect(decoded.state.expect).toEqual({ 0: 'nomatch', 12: 'match' })
  })

  it('are absent from a link without marks, which decodes without them', async () => {
    const fragment = await encodeState({ ...V1_DEFAULTS, rule: 'title: x\n' })
    const decoded = await decodeFragment(fragment)
    if (!decoded.ok) throw new Error(decoded.message)
    expect(decoded.state.expect).toBeUndefined()
    expect(fragment.length).toBe((await encodeState({ ...V1_DEFAULTS, rule: 'title: x\n' })).length)
  })

  it('refuse marks that are not event indices or not match/nomatch', async () => {
    for (const bad of [{ x: 'match' }, { 1: 'maybe' }, ['match'], { '-1': 'match' }]) {
      const decoded = await decodeFragment(`#v1/${await encodeV1({ expect: bad })}`)
      expect(decoded.ok ? 'ok' : decoded.error).toBe('BAD_SHAPE')
    }
  })
})
