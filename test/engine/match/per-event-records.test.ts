/**
 * Records made for each event are class instances, never object literals (resolved.ts says
 * why: V8 may move a literal's allocation site to the old generation, which halved rule-set
 * throughput in about half of the processes measured). These checks keep a literal from
 * creeping back into the per-event paths.
 */
import { expect, test } from 'vitest'
import { flattenEvtx } from '../../../src/engine/match/evtx-flatten.ts'
import { flattenWinlogbeat } from '../../../src/engine/match/winlogbeat-flatten.ts'
import { resolveLiteralOrDotted } from '../../../src/engine/match/field-path.ts'
import { asView, FieldLookup, prepareEvent } from '../../../src/engine/match/prepare-event.ts'
import { Resolved } from '../../../src/engine/match/resolved.ts'
import { KeywordLeaf, MarkerLeaf, ScalarLeaf } from '../../../src/engine/match/subject.ts'

const EVTX = {
  Event: {
    System: {
      EventID: 4688,
      Channel: 'Security',
      Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing' } },
      TimeCreated: { '#text': '2024-05-01T10:00:00Z' },
    },
    EventData: { NewProcessName: 'C:\\Windows\\System32\\whoami.exe', 'Logon Type': 3 },
    UserData: { EventXML: { Param: 'x' } },
  },
}

test('event-log and Winlogbeat flattening make Resolved instances, with the same fields as before', () => {
  const evtx = [...(flattenEvtx(EVTX)?.values() ?? [])]
  expect(evtx.length).toBe(7)
  for (const entry of evtx) expect(entry).toBeInstanceOf(Resolved)
  expect({ ...flattenEvtx(EVTX)?.get('Provider_Name') }).toEqual({
    path: 'Event.System.Provider.#attributes.Name',
    value: 'Microsoft-Windows-Security-Auditing',
  })

  const beat = { winlog: { event_id: 1, channel: 'x', process: { pid: 4, thread: { id: 8 } } } }
  const winlog = [...(flattenWinlogbeat(beat)?.values() ?? [])]
  expect(winlog.length).toBe(4)
  for (const entry of winlog) expect(entry).toBeInstanceOf(Resolved)
})

test('literal and dotted field paths resolve to Resolved instances', () => {
  expect(resolveLiteralOrDotted({ a: 1 }, 'a')).toBeInstanceOf(Resolved)
  expect(resolveLiteralOrDotted({ a: { b: 2 } }, 'a.b')).toStrictEqual(new Resolved('a.b', 2))
  const enveloped = asView(prepareEvent({ _id: '1', _source: { Image: 'x' } }, {}))
  expect(enveloped.resolve('Image')).toStrictEqual(new Resolved('_source.Image', 'x'))
})

test('lookups and leaves are instances; a field of scalars alone shares one array for both', () => {
  const view = asView(prepareEvent({ Image: 'a.exe', Tags: ['x', null, { y: 1 }, 2] }, {}))
  const image = view.lookup('Image')
  expect(image).toBeInstanceOf(FieldLookup)
  expect(image.leaves[0]).toBeInstanceOf(ScalarLeaf)
  expect(image.scalars).toBe(image.leaves)

  const tags = view.lookup('Tags')
  expect(tags.leaves.map((leaf) => leaf.constructor)).toEqual([
    ScalarLeaf,
    MarkerLeaf,
    MarkerLeaf,
    ScalarLeaf,
  ])
  expect(tags.scalars.map((leaf) => leaf.subject.text)).toEqual(['x', '2'])
  expect(tags.leaves.map((leaf) => leaf.path)).toEqual(['Tags[0]', 'Tags[1]', 'Tags[2]', 'Tags[3]'])

  const keywords = view.keywordLeaves()
  expect(keywords.length).toBe(4)
  for (const leaf of keywords) expect(leaf).toBeInstanceOf(KeywordLeaf)
})
