// The Pipeline tab's text travels in links as `options.pipelines`. Links made before it existed
// carry no such key and must open as they always did: no pipeline of the user's, so the events'
// shape picks the built-in one exactly as it did then.
import { describe, expect, it } from 'vitest'
import { compileRule, verdict, withShapePipeline } from '../../src/engine/index.ts'
import { decodeFragment, encodeState, V1_DEFAULTS } from '../../src/share/index.ts'
import { userPipeline, withUserPipeline } from '../../src/ui/pipeline/pipeline-options.ts'

/** Made on 2026-11-29, before the Pipeline tab (also pinned in v1-frozen.test.ts). */
const OLD_ALL_DEFAULTS = '#v1/q64FAA'
const OLD_OWN_EVENTS =
  '#v1/HYuxCsMwDAX_5c0hQ7IUrW2HzB26aDFEKQZHDpWaphj_e3G45eC4AtlF3UAojGkNL2EQ40rMzM-oc_5a08fPXNZxaP7-6JzSOPRyCKNj3MQ8avCYddrO_9KfMCo65K0VAxUsKbiL3nc_QEtIJrX-AQ'

const SUFFIX_PIPELINE = `name: Suffixed fields
priority: 30
transformations:
  - type: field_name_suffix
    suffix: _renamed
`

async function open(fragment: string) {
  const result = await decodeFragment(fragment)
  if (!result.ok) throw new Error(result.message)
  return result.state
}

describe('options.pipelines in links', () => {
  it('old links open without a pipeline, with the same verdicts as before', async () => {
    for (const link of [OLD_ALL_DEFAULTS, OLD_OWN_EVENTS]) {
      const state = await open(link)
      expect(Object.hasOwn(state.options, 'pipelines')).toBe(false)
      expect(userPipeline(state.options)).toBe('')
    }
    const defaults = await open(OLD_ALL_DEFAULTS)
    const rule = compileRule(defaults.rule, withShapePipeline(defaults.options, 'flat')).rule
    if (!rule) throw new Error('the v1 rule compiles')
    const events = JSON.parse(defaults.events) as unknown[]
    const matches = events.map((e) => (verdict(rule, e) as { match: boolean }).match)
    expect(matches).toStrictEqual([true, false, false, false, false, false, false, false, true])
  })

  it("a link carries the user's pipeline and opens it with its meaning", async () => {
    const options = withUserPipeline({}, SUFFIX_PIPELINE)
    const state = { ...V1_DEFAULTS, events: '{"Image_renamed":"C:\\\\x\\\\rundll32.exe"}', options }
    const opened = await open(await encodeState(state))
    expect(opened.options.pipelines).toStrictEqual([SUFFIX_PIPELINE])
    const rule = compileRule(opened.rule, withShapePipeline(opened.options, 'flat')).rule
    if (!rule) throw new Error('the rule compiles')
    const event = { Image_renamed: 'C:\\x\\rundll32.exe', Initiated_renamed: 'true' }
    expect(verdict(rule, event)).toMatchObject({ match: true })
    expect(verdict(rule, { Image: 'C:\\x\\rundll32.exe', Initiated: 'true' })).toMatchObject({
      match: false,
    })
  })

  it('an emptied Pipeline tab leaves no trace: the link is the all-defaults one again', async () => {
    const set = withUserPipeline({}, SUFFIX_PIPELINE)
    const cleared = withUserPipeline(set, '  \n')
    expect(cleared).toStrictEqual({})
    expect(await encodeState({ ...V1_DEFAULTS, options: cleared })).toBe(OLD_ALL_DEFAULTS)
  })

  it('the tab edits the first pipeline and keeps the others a link carried', () => {
    const two = { pipelines: ['name: a\n', 'name: b\n'] }
    expect(userPipeline(two)).toBe('name: a\n')
    expect(withUserPipeline(two, 'name: c\n').pipelines).toStrictEqual(['name: c\n', 'name: b\n'])
    expect(withUserPipeline(two, '').pipelines).toStrictEqual(['name: b\n'])
  })
})
