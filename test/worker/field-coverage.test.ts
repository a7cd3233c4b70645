// The rule's fields over every event (issue 7): in how many each is present, through the rule's
// own field names, and for a field no event has, the look-alikes and the fix.
import { describe, expect, it } from 'vitest'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'

function coverage(events: unknown[], options = {}) {
  const a = new Analyzer()
  a.setEvents(JSON.stringify(events))
  a.setRule(DEFAULT_RULE, options)
  const result = a.analyze(0)
  return Object.fromEntries((result.coverage ?? []).map((f) => [f.field, f]))
}

const ECS_LIKE = {
  process: { executable: 'C:\\Windows\\System32\\rundll32.exe' },
  Initiated: 'true',
}

describe('field coverage', () => {
  it('counts the events that have each rule field', () => {
    const c = coverage([
      { Image: 'a.exe', Initiated: 'true', DestinationIp: '10.0.0.1' },
      { Image: 'b.exe', Initiated: 'false' },
      { Other: 1 },
    ])
    expect(c['Image']).toMatchObject({ present: 2, events: 3 })
    expect(c['Initiated']).toMatchObject({ present: 2, events: 3 })
    expect(c['DestinationIp']).toMatchObject({ present: 1, events: 3 })
    expect(c['Image']?.keyRanges.length).toBeGreaterThan(0)
    // A field some event has gets no look-alikes.
    expect(c['Image']?.have).toBeUndefined()
  })

  it('names the look-alike fields and the built-in pipeline for a field no event has', () => {
    const c = coverage([ECS_LIKE, { ...ECS_LIKE, Initiated: 'false' }, { image: 'x.exe' }])
    expect(c['Image']).toMatchObject({ present: 0, events: 3, pipeline: 'ecs-windows' })
    expect(c['Image']?.have).toEqual(['process.executable'])
  })

  it('reads a field through the user’s field mapping, as the verdicts do', () => {
    const c = coverage([{ process_image: 'a.exe' }], { fieldMap: { Image: 'process_image' } })
    expect(c['Image']).toMatchObject({ present: 1 })
    const unmapped = coverage([{ process_image: 'a.exe' }])
    expect(unmapped['Image']).toMatchObject({ present: 0, have: ['process_image'] })
  })
  it('names the look-alikes as the options read the events: unflattened, by their paths', () => {
    const evtx = { Event: { EventData: { Image: 'C:\\Windows\\System32\\rundll32.exe' } } }
    expect(coverage([evtx])['Image']).toMatchObject({ present: 1 })
    const c = coverage([evtx], { flattenEvtx: false })
    expect(c['Image']).toMatchObject({ present: 0 })
    expect(c['Image']?.have).not.toContain('Image')
  })
})
