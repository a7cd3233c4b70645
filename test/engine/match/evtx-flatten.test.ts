import { describe, expect, test } from 'vitest'
import { flattenEvtx } from '../../../src/engine/match/evtx-flatten.ts'
import { prepareEvent } from '../../../src/engine/match/prepare-event.ts'
import { item } from '../modifiers/item-helpers.ts'
import {
  DEFENDER_DETECTION,
  SYSMON_IMAGE_LOAD,
  TASK_SCHEDULER,
  WMI_USERDATA,
  regressionEventText,
} from './corpus-events.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'

const load = (path: string): unknown => JSON.parse(regressionEventText(path))

describe('evtx flattening on real SigmaHQ regression events', readsCorpus, () => {
  test('System scalars, Elem_Attr attributes and EventData names', () => {
    const table = flattenEvtx(load(SYSMON_IMAGE_LOAD))
    expect(table?.get('EventID')).toEqual({ path: 'Event.System.EventID', value: 7 })
    expect(table?.get('Channel')?.value).toBe('Microsoft-Windows-Sysmon/Operational')
    expect(table?.get('Provider_Name')).toEqual({
      path: 'Event.System.Provider.#attributes.Name',
      value: 'Microsoft-Windows-Sysmon',
    })
    expect(table?.get('Execution_ProcessID')?.value).toBe(3544)
    expect(table?.get('TimeCreated_SystemTime')?.value).toBe('2025-11-27T07:40:10.165324Z')
    expect(table?.get('Security_UserID')?.value).toBe('S-1-5-18')
    expect(table?.get('ImageLoaded')).toEqual({
      path: 'Event.EventData.ImageLoaded',
      value: 'C:\\Windows\\System32\\dbgcore.dll',
    })
    expect(table?.has('xmlns')).toBe(false)
  })

  test('rules see the flat names; the trace names the real path', () => {
    const event = load(SYSMON_IMAGE_LOAD)
    expect(item('EventID', 7).match(event)).toBe(true)
    expect(item('Provider_Name', 'microsoft-windows-sysmon').match(event)).toBe(true)
    const trace = item('ImageLoaded|endswith', '\\dbgcore.dll').explain(event)
    expect(trace.values[0]).toMatchObject({ value: true, path: 'Event.EventData.ImageLoaded' })
    expect(item('Event.EventData.Image|endswith', '\\WerFaultSecure.exe').match(event)).toBe(true)
  })

  test('EventData names with spaces are reachable without them', () => {
    const event = load(DEFENDER_DETECTION)
    const trace = item('ThreatName|contains', 'EICAR').explain(event)
    expect(trace.values[0]).toMatchObject({ value: true, path: 'Event.EventData.Threat Name' })
    expect(item('ProcessName|endswith', '\\RedSun.exe').match(event)).toBe(true)
    expect(item('Threat Name|contains', 'EICAR').match(event)).toBe(false)
  })

  test('UserData leaves by leaf name, markup ignored', () => {
    const event = load(WMI_USERDATA)
    const trace = item('Operation|contains', 'cleareventlog').explain(event)
    expect(trace.values[0]).toMatchObject({
      value: true,
      path: 'Event.UserData.Operation_ClientFailure.Operation',
    })
    expect(item('ClientProcessId', 25920).match(event)).toBe(true)
    expect(item('xmlns|exists', true).match(event)).toBe(false)
  })

  test('EventData #attributes are not data', () => {
    const event = load(TASK_SCHEDULER)
    expect(item('TaskName|contains', '\\Windows\\SystemRestore\\SR').match(event)).toBe(true)
    expect(item('#attributes|exists', true).match(event)).toBe(false)
  })
})

describe('evtx flattening details', () => {
  test('#text elements and the unnamed Data list', () => {
    const event = {
      Event: {
        System: {
          Provider: { '#attributes': { Name: 'PowerShell' } },
          Keywords: { '#text': '0x80' },
        },
        EventData: { Data: ['Available', 'None', 'HostApplication=powershell -enc abc'] },
      },
    }
    expect(item('Keywords', '0x80').match(event)).toBe(true)
    const trace = item('Data|contains', 'HostApplication=').explain(event)
    expect(trace.values[0]).toMatchObject({ value: true, path: 'Event.EventData.Data[2]' })
  })

  test('a literal top-level key wins over the flat table', () => {
    const event = { EventID: 1, Event: { System: { EventID: 2 } } }
    expect(item('EventID', 1).match(event)).toBe(true)
  })

  test('EventData wins over System on a name clash', () => {
    const event = { Event: { System: { Level: 4 }, EventData: { Level: 'custom' } } }
    expect(item('Level', 'custom').match(event)).toBe(true)
  })

  test('data names lose any white space, ASCII or not, and keep every other character', () => {
    const names = [
      'Logon Type',
      'Tab\tName',
      'No\u00a0Break',
      'Wide\u3000Space',
      'Ünïcode',
      'a-b_c',
    ]
    const data = Object.fromEntries(names.map((name, i) => [name, i]))
    const table = flattenEvtx({ Event: { EventData: data } })
    expect([...(table?.keys() ?? [])]).toEqual([
      'LogonType',
      'TabName',
      'NoBreak',
      'WideSpace',
      'Ünïcode',
      'a-b_c',
    ])
  })
  test('flattening can be switched off', readsCorpus, () => {
    const event = load(SYSMON_IMAGE_LOAD)
    const rule = item('EventID', 7, { flattenEvtx: false })
    expect(rule.match(event)).toBe(false)
    expect(item('Event.System.EventID', 7, { flattenEvtx: false }).match(event)).toBe(true)
  })

  test('other JSON is not treated as event-log JSON', () => {
    expect(flattenEvtx({ Event: 'x' })).toBeUndefined()
    expect(flattenEvtx([1, 2])).toBeUndefined()
    expect(prepareEvent(null, {}).raw).toBeNull()
  })
})
