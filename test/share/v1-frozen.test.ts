// Links never change meaning: a v1 link leaves out what equalled the v1 defaults when it was made,
// and the decoder fills it back from a frozen copy of those defaults, never from the page's
// current ones. These links were made on 2026-11-29; they must open exactly so forever.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeFragment, encodeState, V1_DEFAULTS } from '../../src/share/index.ts'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Everything left at the defaults: the payload is `{}`. */
const ALL_DEFAULTS = '#v1/q64FAA'
/** The default rule kept (so left out), one event of its own, evtx flattening off. */
const DEFAULT_RULE_OWN_EVENTS =
  '#v1/HYuxCsMwDAX_5c0hQ7IUrW2HzB26aDFEKQZHDpWaphj_e3G45eC4AtlF3UAojGkNL2EQ40rMzM-oc_5a08fPXNZxaP7-6JzSOPRyCKNj3MQ8avCYddrO_9KfMCo65K0VAxUsKbiL3nc_QEtIJrX-AQ'

describe('v1 links opened long after they were made', () => {
  it('the frozen v1 defaults are byte for byte the ones of 2026-11-29', () => {
    expect(V1_DEFAULTS.rule.split('\n')[0]).toBe('title: Rundll32 Internet Connection')
    expect([V1_DEFAULTS.rule.length, V1_DEFAULTS.events.length]).toStrictEqual([1852, 5379])
    expect(sha256(V1_DEFAULTS.rule)).toBe(
      '1db875d369aebd86ccd3e12a3d8e312b88e0d5cb605233fbd545792b9a3a2f2d',
    )
    expect(sha256(V1_DEFAULTS.events)).toBe(
      'e3717ace626f29f43f7eb13ab5a9d57fbfbe012d5a51f850f5148dfd6c2a6cf4',
    )
    expect([V1_DEFAULTS.selected, V1_DEFAULTS.options]).toStrictEqual([0, {}])
    expect(Object.isFrozen(V1_DEFAULTS) && Object.isFrozen(V1_DEFAULTS.options)).toBe(true)
  })

  it('an all-defaults link opens the v1 defaults', async () => {
    const result = await decodeFragment(ALL_DEFAULTS)
    expect(result).toStrictEqual({ ok: true, state: { ...V1_DEFAULTS, options: {} } })
  })

  it('a link that left the rule out opens the v1 rule with its own events and options', async () => {
    const result = await decodeFragment(DEFAULT_RULE_OWN_EVENTS)
    if (!result.ok) throw new Error(result.message)
    expect(result.state).toStrictEqual({
      rule: V1_DEFAULTS.rule,
      events: '{"Image":"C:\\\\Windows\\\\System32\\\\rundll32.exe","DestinationIp":"8.8.8.8"}',
      selected: 0,
      options: { flattenEvtx: false },
    })
    expect(sha256(result.state.rule)).toBe(
      '1db875d369aebd86ccd3e12a3d8e312b88e0d5cb605233fbd545792b9a3a2f2d',
    )
  })

  it('the encoder leaves out exactly what equals the frozen defaults, whatever the page uses', async () => {
    expect(await encodeState({ ...V1_DEFAULTS, options: {} })).toBe(ALL_DEFAULTS)
    const ownRule = { ...V1_DEFAULTS, rule: 'title: mine\n', options: {} }
    const decoded = await decodeFragment(await encodeState(ownRule))
    expect(decoded).toStrictEqual({ ok: true, state: ownRule })
  })
})
