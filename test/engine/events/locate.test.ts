import { describe, expect, test } from 'vitest'
import { locateFields } from '../../../src/engine/events/locate.ts'
import { parseEvents } from '../../../src/engine/events/parse-events.ts'
import { item } from '../modifiers/item-helpers.ts'
import { slice } from '../rule/helpers.ts'
import {
  DEFENDER_DETECTION,
  SYSMON_IMAGE_LOAD,
  regressionEventText,
} from '../match/corpus-events.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'

describe('locateFields', () => {
  test('maps trace paths to key and value ranges inside one event', () => {
    const text = '{"x": 0}\n{"DestinationIp": "10.0.0.1", "list": ["a", {"b": true}], "a.b": 5}'
    const events = parseEvents(text).events
    const second = events[1]?.range ?? [0, 0]
    const found = locateFields(text, second, [
      'DestinationIp',
      'list[1].b',
      'list[0]',
      'a.b',
      'missing',
      'x',
    ])
    expect(slice(text, found['DestinationIp']?.keyRange ?? [0, 0])).toBe('"DestinationIp"')
    expect(slice(text, found['DestinationIp']?.valueRange ?? [0, 0])).toBe('"10.0.0.1"')
    expect(slice(text, found['list[1].b']?.valueRange ?? [0, 0])).toBe('true')
    expect(slice(text, found['list[0]']?.keyRange ?? [0, 0])).toBe('"a"')
    expect(slice(text, found['a.b']?.valueRange ?? [0, 0])).toBe('5')
    expect(found['missing']).toBeUndefined()
    // Only the given event is scanned.
    expect(found['x']).toBeUndefined()
  })

  test('finds the paths a trace names in a real evtx event', readsCorpus, () => {
    const text = regressionEventText(SYSMON_IMAGE_LOAD)
    const [event] = parseEvents(text).events
    if (!event) throw new Error('no event')
    const trace = item('Provider_Name', 'Microsoft-Windows-Sysmon').explain(event.value)
    const path = trace.values[0]?.path ?? ''
    expect(path).toBe('Event.System.Provider.#attributes.Name')
    const found = locateFields(text, event.range, [path, 'Event.EventData.Image'])
    expect(slice(text, found[path]?.keyRange ?? [0, 0])).toBe('"Name"')
    expect(slice(text, found[path]?.valueRange ?? [0, 0])).toBe('"Microsoft-Windows-Sysmon"')
    expect(slice(text, found['Event.EventData.Image']?.valueRange ?? [0, 0])).toBe(
      '"C:\\\\Windows\\\\System32\\\\WerFaultSecure.exe"',
    )
  })

  test('keys with spaces in a real evtx event', readsCorpus, () => {
    const text = regressionEventText(DEFENDER_DETECTION)
    const [event] = parseEvents(text).events
    const found = locateFields(text, event?.range ?? [0, 0], ['Event.EventData.Threat Name'])
    expect(slice(text, found['Event.EventData.Threat Name']?.valueRange ?? [0, 0])).toBe(
      '"Tool:Win32/EICAR_Test_File"',
    )
  })

  test('keys with escapes', () => {
    const escaped = '{"a\\"b": 1, "__proto__": 2}'
    const keys = locateFields(escaped, [0, escaped.length], ['a"b', '__proto__'])
    expect(slice(escaped, keys['a"b']?.valueRange ?? [0, 0])).toBe('1')
    expect(slice(escaped, keys['__proto__']?.valueRange ?? [0, 0])).toBe('2')
  })

  test('bad ranges and broken text never throw', () => {
    expect(locateFields('{"a":', [0, 5], ['a'])).toEqual({})
    expect(locateFields('{}', [5, 1], ['a'])).toEqual({})
    expect(locateFields('{"a":1}', [0, 7], [])).toEqual({})
  })
})
