// Top values counted through the field index (typed columns, interned once per events text)
// against a plain reading of the same rules written here with strings and Maps: the same
// fields, scores, counts and order, on events with lists, nesting, evtx JSON, numbers whose
// text equals a string's, and any view. And the passes pause, however many values a field has.
import { describe, expect, it } from 'vitest'
import {
  drain,
  eventFields,
  fieldIndexSteps,
  topValues,
  topValueSteps,
} from '../../../src/engine/index.ts'
import type { EventReading, FieldTop } from '../../../src/engine/index.ts'
import { Analyzer } from '../../../src/worker/analyzer.ts'
import { seededRandom, type Random } from '../../../bench/seeded-random.ts'
import { DEFAULT_RULE } from '../../../src/ui/defaults/rule.ts'

/** The reading of issue 8 and top-values.ts's comments, the slow and obvious way. */
function plainTopValues(events: unknown[], view: number[], match: Uint8Array): FieldTop[] {
  type Tally = { present: number; matches: number; values: Map<string, [number, number]> }
  const tallies = new Map<string, Tally>()
  let matches = 0
  for (const i of view) {
    const m = match[i] === 1
    if (m) matches++
    const seen = new Set<string>()
    for (const [field, value] of eventFields(events[i])) {
      const t = tallies.get(field) ?? { present: 0, matches: 0, values: new Map() }
      tallies.set(field, t)
      if (!seen.has(field)) {
        seen.add(field)
        t.present++
        if (m) t.matches++
      }
      const v = t.values.get(value) ?? [0, 0]
      t.values.set(value, [v[0] + 1, v[1] + (m ? 1 : 0)])
    }
  }
  const others = view.length - matches
  const out = [...tallies].map(([field, t]) => {
    const distinct = t.values.size
    let score = 0
    if (distinct > 1 && distinct !== t.present) {
      if (matches > 0 && others > 0) {
        // The distance over the common denominator matches × others (exact in whole numbers).
        let d = 0
        for (const [n, m] of t.values.values()) d += Math.abs(m * others - (n - m) * matches)
        d += Math.abs((matches - t.matches) * others - (others - (t.present - t.matches)) * matches)
        score = d / (2 * matches * others)
      } else score = Math.max(...[...t.values.values()].map((v) => v[0])) / view.length
    }
    const values = [...t.values]
      .map(([value, [count, m]]) => ({ value, count, matches: m }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, 50)
    return { field, score, distinct, present: t.present, values }
  })
  out.sort((a, b) => b.score - a.score || b.present - a.present || (a.field < b.field ? -1 : 1))
  return out.slice(0, 60)
}

function randomEvent(r: Random, i: number): unknown {
  const user = r.pick(['alice', 'bob', 'adm_eve', 'SYSTEM'])
  switch (r.int(4)) {
    case 0:
      return { Image: r.pick(['a.exe', 'b.exe', 'c.exe']), User: user, Port: r.int(5), N: '3' }
    case 1:
      // A number and a string with the same text are one value, as the page shows them.
      return { Image: r.pick(['a.exe', 'd.exe']), Port: String(r.int(5)), Tags: ['x', 'y', user] }
    case 2:
      return { process: { executable: r.pick(['a.exe', 'e.exe']), pid: i }, user: { name: user } }
    default:
      return {
        Event: {
          System: { EventID: r.pick([1, 3]), Computer: r.pick(['WS1', 'WS2']) },
          EventData: { Image: r.pick(['a.exe', 'f.exe']), User: user, Flag: r.chance(0.5) },
        },
      }
  }
}

describe('event fields', () => {
  it('name an export by the fields rules name, beside what sits next to the log data', () => {
    const winlogbeat = {
      host: { name: 'WS1' },
      winlog: { event_id: '1', channel: 'Security', event_data: { NewProcessName: 'C:\\a.exe' } },
    }
    const names = (raw: unknown) => eventFields(raw).map(([name]) => name)
    expect(names(winlogbeat)).toEqual(['EventID', 'Channel', 'NewProcessName', 'host.name'])
    expect(names({ preview: false, result: { Image: 'a.exe' } })).toEqual(['Image'])
    // A Security 4688 names its process NewProcessName, which rules read as Image.
    const audit = { EventID: 4688, Channel: 'Security', NewProcessName: 'C:\\a.exe' }
    expect(eventFields(audit)).toContainEqual(['Image', 'C:\\a.exe'])
  })

  it('name an event as the options read it: unflattened, or in a forced layout', () => {
    const evtx = { Event: { System: { EventID: 1 }, EventData: { Image: 'C:\\a.exe' } } }
    const winlogbeat = { winlog: { event_id: '1', event_data: { Image: 'C:\\a.exe' } } }
    const names = (raw: unknown, reading: EventReading) =>
      eventFields(raw, reading).map(([name]) => name)
    expect(names(evtx, {})).toEqual(['EventID', 'Image'])
    expect(names(evtx, { flattenEvtx: false })).toEqual([
      'Event.System.EventID',
      'Event.EventData.Image',
    ])
    expect(names(winlogbeat, { eventShape: 'flat' })).toEqual([
      'winlog.event_id',
      'winlog.event_data.Image',
    ])
  })
})

describe('top values through the field index', () => {
  it('equal the plain reading on mixed events, for every view', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = seededRandom(seed)
      const events = Array.from({ length: 20 + r.int(200) }, (_, i) => randomEvent(r, i))
      const match = Uint8Array.from(events, () => (r.chance(0.3) ? 1 : 0))
      const index = drain(fieldIndexSteps(events.length, (i) => events[i]))
      const views = [
        events.map((_, i) => i),
        events.flatMap((_, i) => (match[i] ? [i] : [])),
        events.flatMap((_, i) => (r.chance(0.5) ? [i] : [])),
        [],
      ]
      for (const view of views) {
        const got = topValues(Uint32Array.from(view), index, match)
        const want = plainTopValues(events, view, match)
        expect(got.map((f) => f.field)).toEqual(want.map((f) => f.field))
        expect(got).toEqual(want)
      }
    }
  })

  it('keeps the fifty most common values of a field of many, ties in value order', () => {
    const events = Array.from({ length: 3000 }, (_, i) => ({ Ip: `10.0.${i % 700}.${i % 3}` }))
    const match = new Uint8Array(events.length)
    const index = drain(fieldIndexSteps(events.length, (i) => events[i]))
    const view = Uint32Array.from(events, (_, i) => i)
    expect(topValues(view, index, match)).toEqual(plainTopValues(events, [...view], match))
  })

  it('pauses while indexing, counting and ranking, even for one field of 100,000 values', () => {
    const count = 100_000
    const events = Array.from({ length: count }, (_, i) => ({ Guid: `g-${i}`, Pair: `p${i >> 1}` }))
    const match = new Uint8Array(count)
    const build = fieldIndexSteps(count, (i) => events[i])
    let step = build.next()
    let pauses = 0
    for (; !step.done; step = build.next()) pauses++
    expect(pauses).toBeGreaterThanOrEqual(count / 256 - 1)
    const steps = topValueSteps(
      Uint32Array.from(events, (_, i) => i),
      step.value,
      match,
    )
    const after: number[] = []
    let top = steps.next()
    for (; !top.done; top = steps.next()) if (top.value === count) after.push(top.value)
    // Ranking 150,000 distinct values in all pauses at least once between the two fields.
    expect(after.length).toBeGreaterThanOrEqual(1)
    // Pair's most common value covers 2 events: it ranks above all-distinct Guid (score 0).
    expect(top.value.map((f) => [f.field, f.distinct])).toEqual([
      ['Pair', count / 2],
      ['Guid', count],
    ])
  })
})

describe('top values in the worker', () => {
  it('index the events once: a view change only counts again', () => {
    const r = seededRandom(7)
    const events = Array.from({ length: 2000 }, (_, i) => randomEvent(r, i))
    const a = new Analyzer()
    a.setEvents(JSON.stringify(events))
    a.setRule(DEFAULT_RULE, {})
    const request = { mode: 'all' as const, search: '', whatif: {}, expect: {} }
    const first = a.analyze(0, [0, 20], request).tuning!
    expect(first.timings.fieldIndex).toBeGreaterThan(0)
    const second = a.analyze(0, [0, 20], { ...request, mode: 'nonmatches' }).tuning!
    expect(second.timings.fieldIndex).toBe(0)
    expect(second.timings.topValues).toBeGreaterThan(0)
    a.setEvents(JSON.stringify(events.slice(1)))
    expect(a.analyze(0, [0, 20], request).tuning!.timings.fieldIndex).toBeGreaterThan(0)
  })

  it('index the events again, by their names as read, when the options read them otherwise', () => {
    const event = { Event: { System: { EventID: 3 }, EventData: { Image: 'C:\\rundll32.exe' } } }
    const a = new Analyzer()
    a.setEvents(JSON.stringify([event, event]))
    const request = { mode: 'all' as const, search: '', whatif: {}, expect: {} }
    const fields = () => a.analyze(0, [0, 2], request).tuning!.topValues!.map((f) => f.field)
    a.setRule(DEFAULT_RULE, {})
    expect(fields()).toContain('Image')
    a.setRule(DEFAULT_RULE, { flattenEvtx: false })
    expect(fields()).toContain('Event.EventData.Image')
    expect(fields()).not.toContain('Image')
  })
})
