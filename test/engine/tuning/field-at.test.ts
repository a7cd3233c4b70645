import { describe, expect, it } from 'vitest'
import {
  fieldAt,
  fieldAtIn,
  itemForValue,
  type EventReading,
  itemYaml,
  parseEvents,
} from '../../../src/engine/index.ts'
import { walkJson } from '../../../src/engine/events/json-scan.ts'
import { compiled, verdict } from '../../helpers/judge.ts'
import { evtxNetConnection } from '../fixtures.ts'
import {
  csvForm,
  splunkLine,
  splunkRawForm,
  winlogbeatProcessStart,
} from '../events/shape-forms.ts'

const at = (text: string, needle: string) => fieldAt(text, text.indexOf(needle) + 2)

describe('fieldAt', () => {
  it('names a Windows event-log field as rules do', () => {
    const text = JSON.stringify(evtxNetConnection(), null, 2)
    expect(at(text, 'rundll32')).toEqual({
      field: 'Image',
      value: 'C:\\Windows\\System32\\rundll32.exe',
    })
    expect(at(text, '"DestinationPort"')).toEqual({ field: 'DestinationPort', value: '443' })
    expect(at(text, '"Computer"')).toEqual({ field: 'Computer', value: 'ws-017.corp.example' })
  })

  it('names a field of Windows event XML as rules do, by element or attribute', () => {
    const text = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System><Provider Name="Microsoft-Windows-Sysmon"/><EventID>3</EventID></System>
  <EventData><Data Name="Image">C:\\Windows\\System32\\rundll32.exe</Data></EventData>
</Event>`
    expect(at(text, 'rundll32')).toEqual({
      field: 'Image',
      value: 'C:\\Windows\\System32\\rundll32.exe',
    })
    expect(at(text, 'Name="Image"')).toEqual(at(text, 'rundll32'))
    expect(at(text, 'Sysmon')).toEqual({
      field: 'Provider_Name',
      value: 'Microsoft-Windows-Sysmon',
    })
    expect(fieldAt(text, text.indexOf('>3<') + 1)).toEqual({ field: 'EventID', value: '3' })
    expect(at(text, '<System>')).toBeUndefined()
  })

  it('reads flat and nested JSON by dotted path, list elements by their list', () => {
    const text = '{"process": {"name": "cmd.exe", "args": ["/c", "whoami"]}, "n": 5}'
    expect(at(text, 'cmd.exe')).toEqual({ field: 'process.name', value: 'cmd.exe' })
    expect(at(text, 'whoami')).toEqual({ field: 'process.args', value: 'whoami' })
    expect(at(text, '"n"')).toEqual({ field: 'n', value: '5' })
  })

  it('gives nothing for an object, outside any pair, or broken JSON', () => {
    const text = '{"process": {"name": "cmd.exe"}}'
    expect(fieldAt(text, 0)).toBeUndefined()
    expect(at(text, '"process"')).toBeUndefined()
    expect(fieldAt('{"a": ', 3)).toBeUndefined()
  })
})

/** A Sysmon process start from Winlogbeat, with a field beside the log data. */
const winlogbeatSysmon = { ...winlogbeatProcessStart, host: { name: 'ws-017' } }
const splunkExport = {
  preview: false,
  result: { EventCode: '4624', TargetUserName: 'svc_backup*', LogonType: '3', host: 'dc01' },
}
const elasticHit = {
  _index: 'logs-windows',
  _id: 'a1',
  _source: {
    '@timestamp': '2024-03-14T09:15:02.100Z',
    process: { executable: 'C:\\Tools\\a.exe', args: ['-q', '10.1.2.3'] },
  },
}

/** Every scalar value's offset in the text, with its key's path (the walk gives both). */
function scalarOffsets(text: string): number[] {
  const offsets: number[] = []
  walkJson(text, 0, text.length, (_path, _key, [start, end]) => {
    const value: unknown = JSON.parse(text.slice(start, end))
    if (value !== null && typeof value !== 'object') offsets.push(start + 1)
  })
  return offsets
}

describe('fieldAt in exports', () => {
  it('names Winlogbeat fields, moved ones too, by the names rules use', () => {
    const text = JSON.stringify(winlogbeatSysmon, null, 2)
    expect(at(text, 'High')).toEqual({ field: 'IntegrityLevel', value: 'High' })
    expect(at(text, 'whoami.exe')).toMatchObject({ field: 'Image' })
    expect(at(text, 'ws-017')).toEqual({ field: 'host.name', value: 'ws-017' })
  })

  it("reads an event out of its export's envelope", () => {
    const splunk = JSON.stringify(splunkExport)
    expect(at(splunk, 'svc_backup')).toEqual({ field: 'TargetUserName', value: 'svc_backup*' })
    const elastic = JSON.stringify(elasticHit)
    expect(at(elastic, 'Tools')).toMatchObject({ field: 'process.executable' })
    // The envelope's own keys are not the event's: no rule can read them.
    expect(at(splunk, 'false')).toBeUndefined()
    expect(at(elastic, 'logs-windows')).toBeUndefined()
  })

  it("names a field of the Windows XML in Splunk's _raw by the XML field under the cursor", () => {
    const event = splunkLine(
      splunkRawForm({ EventID: 3, Image: 'C:\\Windows\\rundll32.exe', DestinationPort: 443 }),
    )
    const text = JSON.stringify(event, null, 2)
    expect(at(text, 'rundll32')).toEqual({ field: 'Image', value: 'C:\\Windows\\rundll32.exe' })
    expect(at(text, "DestinationPort'")).toEqual({ field: 'DestinationPort', value: '443' })
    expect(at(text, 'Sysmon/Operational<')).toMatchObject({ field: 'Channel' })
    // Splunk's own fields beside _raw are not the event's.
    expect(at(text, 'XmlWinEventLog:')).toBeUndefined()
    expect(at(text, '"_raw"')).toBeUndefined()
    for (const name of ['Image', 'DestinationPort']) {
      // On the name: the field's value.
      const found = at(text, `'${name}'>`)
      const item = itemYaml(itemForValue(name, found?.value ?? ''))
      const rule = compiled(
        `title: t\nlogsource: { product: windows }\ndetection:\n  selection:\n    ${item}\n  condition: selection\n`,
      )
      expect(verdict(rule, event).match, item).toBe(true)
    }
  })

  /** A one-item rule on the field and value named at `offset`, under the same options. */
  function filterMatches(text: string, offset: number, event: unknown, reading: EventReading) {
    const found = fieldAt(text, offset, reading)
    if (!found) throw new Error(`nothing named at ${text.slice(offset - 1, offset + 20)}`)
    const item = itemYaml(itemForValue(found.field, found.value))
    const rule = compiled(
      `title: t\nlogsource: { product: windows }\ndetection:\n  selection:\n    ${item}\n  condition: selection\n`,
      reading,
    )
    expect(verdict(rule, event).match, `${item} (${JSON.stringify(reading)})`).toBe(true)
  }

  // The options that change how events are read: a name right by default is wrong under them
  // (Winlogbeat's IntegrityLevel is winlog.event_data.IntegrityLevel when nothing is flattened).
  const readings: EventReading[] = [{}, { flattenEvtx: false }, { eventShape: 'flat' }]

  it('names every value so that a filter item on it matches its own event, as read', () => {
    const events = [
      evtxNetConnection(),
      winlogbeatSysmon,
      splunkExport,
      elasticHit,
      { 'user name': 'Jo: #1', '@version': 1, list: [true, 'x?y'] },
    ]
    let checked = 0
    for (const reading of readings)
      for (const event of events) {
        const text = JSON.stringify(event, null, 2)
        for (const offset of scalarOffsets(text)) {
          if (/"(preview|_index|_id)"/.test(text.slice(text.lastIndexOf('\n', offset), offset)))
            continue
          filterMatches(text, offset, event, reading)
          checked++
        }
      }
    expect(checked).toBeGreaterThan(90)
  })

  it('names the values of Windows event XML so that a filter item matches, as read', () => {
    const text = `<Event><System><EventID>3</EventID><Channel>Microsoft-Windows-Sysmon/Operational</Channel></System>
<EventData><Data Name="Image">C:\\Windows\\rundll32.exe</Data><Data Name="DestinationPort">443</Data></EventData></Event>`
    const event = parseEvents(text).events[0]?.value
    for (const reading of readings)
      for (const needle of ['>3<', 'Sysmon/', 'rundll32', '>443<'])
        filterMatches(text, text.indexOf(needle) + 1, event, reading)
    expect(fieldAt(text, text.indexOf('rundll32'), { flattenEvtx: false })).toMatchObject({
      field: 'Event.EventData.Image',
    })
  })
})

describe('fieldAtIn the events text', () => {
  /** The field under `needle` in event `index` of the text, as the events editor asks. */
  const inRow = (text: string, index: number, needle: string) => {
    const range = parseEvents(text).events[index]?.range
    if (!range) throw new Error(`no event ${index}`)
    return fieldAtIn(text, range, text.indexOf(needle, range[0]) + 2)
  }

  it('names a cell by its header, as the engine reads the row', () => {
    const text = 'EventID,Image,"user name"\n1,C:\\a.exe,"Jo, Smith"\n3,"C:\\b ""q"".exe",x\n'
    expect(inRow(text, 0, 'a.exe')).toEqual({ field: 'Image', value: 'C:\\a.exe' })
    expect(inRow(text, 0, 'Jo,')).toEqual({ field: 'user name', value: 'Jo, Smith' })
    expect(inRow(text, 1, '""q')).toEqual({ field: 'Image', value: 'C:\\b "q".exe' })
  })

  it('reads an event of a JSON array or an XML file by its own range', () => {
    // The character after an array's event is a comma or the closing bracket.
    const json = JSON.stringify([{ Image: 'C:\\c.exe' }, { Image: 'C:\\d.exe' }], null, 2)
    expect(inRow(json, 0, 'c.exe')).toEqual({ field: 'Image', value: 'C:\\c.exe' })
    expect(inRow(json, 1, 'd.exe')).toEqual({ field: 'Image', value: 'C:\\d.exe' })
    const xml = `<Events>${[1, 2].map((id) => `<Event><System><EventID>${id}</EventID></System></Event>`).join('')}</Events>`
    expect(inRow(xml, 1, '>2<')).toEqual({ field: 'EventID', value: '2' })
  })

  it("names a field of the XML in a Splunk CSV's _raw cell, and not Splunk's own columns", () => {
    const event = splunkRawForm({ EventID: 3, Image: 'C:\\Windows\\rundll32.exe' })
    const text = csvForm([event, event])
    expect(inRow(text, 1, 'rundll32')).toEqual({
      field: 'Image',
      value: 'C:\\Windows\\rundll32.exe',
    })
    expect(inRow(text, 1, 'ws-fin')).toBeUndefined()
  })
})
