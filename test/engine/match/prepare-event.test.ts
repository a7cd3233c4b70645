import { describe, expect, test } from 'vitest'
import { EventView, asView, prepareEvent } from '../../../src/engine/match/prepare-event.ts'
import { item } from '../modifiers/item-helpers.ts'
import { compileItem } from '../../../src/engine/item-compiler/compile-item.ts'
import { source } from '../modifiers/item-helpers.ts'

describe('prepareEvent', () => {
  test('keeps the raw event and shares one lookup per field', () => {
    const raw = { Image: 'C:\\A.exe', Event: { EventData: { CommandLine: 'x' } } }
    const view = asView(prepareEvent(raw, {}))
    expect(view.raw).toBe(raw)
    const first = view.lookup('Image')
    expect(view.lookup('Image')).toBe(first)
    expect(first.scalars[0]?.subject.lower).toBe('c:\\a.exe')
    expect(view.lookup('CommandLine').resolved?.path).toBe('Event.EventData.CommandLine')
    expect(view.lookup('Nothing')).toMatchObject({ resolved: undefined, leaves: [], scalars: [] })
  })

  test('honours flattenEvtx: false', () => {
    const view = asView(
      prepareEvent({ Event: { EventData: { CommandLine: 'x' } } }, { flattenEvtx: false }),
    )
    expect(view.lookup('CommandLine').resolved).toBeUndefined()
  })

  test('an event object not made by prepareEvent still works', () => {
    const { item: compiled } = compileItem(source('F', 'x'), {})
    expect(compiled?.match({ raw: { F: 'X' } })).toBe(true)
    expect(asView({ raw: 1 })).toBeInstanceOf(EventView)
  })

  test('keyword leaves are collected once, strings and numbers only', () => {
    const view = asView(prepareEvent({ a: ['x', 1, true, null, { b: 'y' }] }, {}))
    const leaves = view.keywordLeaves()
    expect(view.keywordLeaves()).toBe(leaves)
    expect(leaves.map((l) => [l.path, l.subject.raw])).toEqual([
      ['a[0]', 'x'],
      ['a[1]', 1],
      ['a[4].b', 'y'],
    ])
  })

  test('-0 in an event is 0, in verdicts and in traces (which travel as JSON)', () => {
    const event = prepareEvent(JSON.parse('{"Event": {"EventData": {"A": -0}}}'), {})
    for (const key of [null, 'A']) {
      const { item: compiled } = compileItem(source(key, [0]), {})
      expect(compiled?.match(event)).toBe(true)
      const trace = compiled?.explain(event)
      expect(JSON.parse(JSON.stringify(trace))).toEqual(trace)
      expect(JSON.stringify(trace)).toContain('"actual":0')
    }
  })

  test('non-object events have no fields', () => {
    for (const raw of [null, 5, 'text', [{ F: 'x' }]]) expect(item('F', 'x').match(raw)).toBe(false)
  })
})
