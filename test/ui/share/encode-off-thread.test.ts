import { describe, expect, it } from 'vitest'
import { decodeFragment, encodeState, V1_DEFAULTS } from '../../../src/share/index.ts'
import { encodeOffThread } from '../../../src/ui/share/encode-off-thread.ts'

describe('encodeOffThread', () => {
  it('encodes here, the same fragment, where no worker can start (Node has no Worker)', async () => {
    const state = { ...V1_DEFAULTS, rule: 'title: off thread\n', events: '{"a":"b"}\n' }
    const fragment = await encodeOffThread(state)
    expect(fragment).toBe(await encodeState(state))
    const decoded = await decodeFragment(fragment)
    expect(decoded.ok && decoded.state.rule).toBe('title: off thread\n')
  })
})
