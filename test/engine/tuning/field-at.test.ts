import { describe, expect, it } from 'vitest'
import { fieldAt } from '../../../src/engine/index.ts'
import { evtxNetConnection } from '../fixtures.ts'

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
