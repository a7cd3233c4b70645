/**
 * Windows event XML as people copy it: each `<Event>` reads as the evtx JSON exporters write,
 * so rules, traces and routing see the same fields; broken XML is a diagnostic at its place.
 */
import { describe, expect, test } from 'vitest'
import { compileRule, evaluate, explain, parseEvents } from '../../../src/engine/index.ts'
import { locateFields } from '../../../src/engine/events/locate.ts'
import { flatForm } from './shape-forms.ts'

const SYSMON_NS = 'http://schemas.microsoft.com/win/2004/08/events/event'

/** As Event Viewer's XML view shows one Sysmon network connection (abridged). */
const EVENT_VIEWER = `<Event xmlns="${SYSMON_NS}">
  <System>
    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385f-c22a-43e0-bf4c-06f5698ffbd9}" />
    <EventID>3</EventID>
    <TimeCreated SystemTime="2024-03-14T09:13:02.7751234Z" />
    <EventRecordID>48213</EventRecordID>
    <Execution ProcessID="3140" ThreadID="4412" />
    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>
    <Computer>WS-FIN-0142.corp.example.com</Computer>
    <Security UserID="S-1-5-18" />
  </System>
  <EventData>
    <Data Name="Image">C:\\Windows\\System32\\rundll32.exe</Data>
    <Data Name="CommandLine">rundll32.exe shell32.dll,Control_RunDLL &quot;a &amp; b&quot;</Data>
    <Data Name="Initiated">true</Data>
    <Data Name="DestinationIp">8.8.8.8</Data>
    <Data Name="DestinationHostname" />
  </EventData>
</Event>`

/** As PowerShell's `ToXml()` writes a Security logon: single quotes, one line. */
const POWERSHELL =
  `<Event xmlns='${SYSMON_NS}'><System><Provider Name='Microsoft-Windows-Security-Auditing'/>` +
  `<EventID Qualifiers='0'>4624</EventID><Channel>Security</Channel></System>` +
  `<EventData><Data Name='Logon Type'>3</Data><Data Name='TargetUserName'>jdoe</Data></EventData></Event>`

const RUNDLL_RULE = `title: Rundll32 network connection
logsource:
  product: windows
  category: network_connection
detection:
  selection:
    Image|endswith: '\\rundll32.exe'
    Initiated: 'true'
  condition: selection
`

describe('Windows event XML', () => {
  test('reads Event Viewer XML as the evtx JSON: header, attributes, data by name', () => {
    const parsed = parseEvents(EVENT_VIEWER)
    expect(parsed.format).toBe('xml')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.events).toHaveLength(1)
    expect(parsed.events[0]?.range).toEqual([0, EVENT_VIEWER.length])
    const event = parsed.events[0]?.value as { Event: Record<string, unknown> }
    expect(event.Event['#attributes']).toEqual({ xmlns: SYSMON_NS })
    expect(event.Event['System']).toMatchObject({
      Provider: {
        '#attributes': {
          Name: 'Microsoft-Windows-Sysmon',
          Guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
        },
      },
      EventID: '3',
      Execution: { '#attributes': { ProcessID: '3140', ThreadID: '4412' } },
      Channel: 'Microsoft-Windows-Sysmon/Operational',
    })
    expect(event.Event['EventData']).toEqual({
      Image: 'C:\\Windows\\System32\\rundll32.exe',
      CommandLine: 'rundll32.exe shell32.dll,Control_RunDLL "a & b"',
      Initiated: 'true',
      DestinationIp: '8.8.8.8',
      DestinationHostname: '',
    })
    // The rule-facing names are those of evtx JSON.
    expect(flatForm(event)).toMatchObject({
      EventID: '3',
      Provider_Name: 'Microsoft-Windows-Sysmon',
      Execution_ProcessID: '3140',
      Image: 'C:\\Windows\\System32\\rundll32.exe',
    })
  })

  test('reads single quotes, Qualifiers and names with spaces as evtx JSON does', () => {
    const [record] = parseEvents(POWERSHELL).events
    expect(flatForm(record?.value)).toEqual({
      Provider_Name: 'Microsoft-Windows-Security-Auditing',
      EventID: '4624',
      EventID_Qualifiers: '0',
      Channel: 'Security',
      LogonType: '3',
      TargetUserName: 'jdoe',
    })
  })

  test('a saved file: declaration, comments and an <Events> wrapper around several events', () => {
    const text = `\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<!-- exported from Event Viewer -->
<Events>
${EVENT_VIEWER}
${POWERSHELL}
</Events>
`
    const parsed = parseEvents(text)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.events.map((e) => text.slice(...e.range))).toEqual([EVENT_VIEWER, POWERSHELL])
  })

  test('rules match XML events as they match the same events as JSON', () => {
    const rule = compileRule(RUNDLL_RULE).rule
    if (!rule) throw new Error('the rule does not compile')
    const events = parseEvents(`${EVENT_VIEWER}\n${POWERSHELL}`).events
    expect(events.map((e) => evaluate(rule, e.value))).toEqual([true, false])
    // Numbers in rules equal their text in XML.
    const logon = compileRule(
      'title: t\nlogsource: {product: windows, service: security}\ndetection:\n  s:\n    EventID: 4624\n    LogonType: 3\n  condition: s\n',
    ).rule
    expect(events.map((e) => logon && evaluate(logon, e.value))).toEqual([false, true])
  })

  test('the fields a trace consulted are found in the XML text, for painting', () => {
    const rule = compileRule(RUNDLL_RULE).rule
    if (!rule) throw new Error('the rule does not compile')
    const text = `<Events>\n${POWERSHELL}\n${EVENT_VIEWER}\n</Events>`
    const second = parseEvents(text).events[1]
    if (!second) throw new Error('no second event')
    // The trace names the field by the path the editor looks up.
    expect(JSON.stringify(explain(rule, second.value))).toContain('"path":"Event.EventData.Image"')
    const found = locateFields(text, second.range, [
      'Event.EventData.Image',
      'Event.System.EventID',
      'Event.System.Provider.#attributes.Name',
      'Event.EventData.DestinationHostname',
    ])
    const at = (path: string, part: 'keyRange' | 'valueRange') =>
      text.slice(...(found[path]?.[part] ?? [0, 0]))
    expect(at('Event.EventData.Image', 'keyRange')).toBe('<Data Name="Image">')
    expect(at('Event.EventData.Image', 'valueRange')).toBe('C:\\Windows\\System32\\rundll32.exe')
    expect(at('Event.System.EventID', 'keyRange')).toBe('<EventID>')
    expect(at('Event.System.EventID', 'valueRange')).toBe('3')
    expect(at('Event.System.Provider.#attributes.Name', 'keyRange')).toBe('Name')
    expect(at('Event.System.Provider.#attributes.Name', 'valueRange')).toBe(
      '"Microsoft-Windows-Sysmon"',
    )
    // An empty element is found too, with an empty value just after its name.
    expect(found['Event.EventData.DestinationHostname']).toBeDefined()
  })

  test('UserData, unnamed Data, repeated elements, CDATA and character references', () => {
    const text = `<Event>
  <System><EventID>1102</EventID></System>
  <UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog"><SubjectUserName>admin</SubjectUserName></LogFileCleared></UserData>
  <EventData><Data>first</Data><Data>second</Data><Binary>0A0B</Binary></EventData>
  <RenderingInfo Culture="en-US"><Message><![CDATA[The <audit> log was cleared.]]></Message><Keywords><Keyword>Audit Success</Keyword><Keyword>Classic</Keyword></Keywords></RenderingInfo>
  <Note>caf&#233; &#x2713; &constructor; &amp;lt;</Note>
</Event>`
    const parsed = parseEvents(text)
    expect(parsed.diagnostics).toEqual([])
    const event = (parsed.events[0]?.value as { Event: Record<string, unknown> }).Event
    expect(event['EventData']).toEqual({ Data: ['first', 'second'], Binary: '0A0B' })
    expect(event['RenderingInfo']).toEqual({
      '#attributes': { Culture: 'en-US' },
      Message: 'The <audit> log was cleared.',
      Keywords: { Keyword: ['Audit Success', 'Classic'] },
    })
    // Only XML's own entities are known; any other stays as written.
    expect(event['Note']).toBe('café ✓ &constructor; &lt;')
    expect(flatForm(parsed.events[0]?.value)).toMatchObject({
      EventID: '1102',
      SubjectUserName: 'admin',
    })
  })

  test('broken XML: a diagnostic at the fault, and the events after it still read', () => {
    const text = `<Events>
<Event><System><EventID>1</EventID></Sytem></Event>
<Event><System><EventID>2</EventID></System></Event>
</Events>`
    const parsed = parseEvents(text)
    expect(parsed.events.map((e) => flatForm(e.value))).toEqual([{ EventID: '2' }])
    expect(parsed.diagnostics).toEqual([
      {
        code: 'EVENTS_SYNTAX',
        severity: 'error',
        message: 'Invalid XML: </Sytem> closes <System>',
        range: [text.indexOf('</Sytem>'), text.indexOf('</Sytem>') + 1],
      },
    ])
  })

  test.each([
    [
      'an event cut short',
      '<Event><System><EventID>1</EventID>',
      'Invalid XML: <Event> never closes',
    ],
    ['an attribute without quotes', '<Event><Provider Name=x/></Event>', 'is not in quotes'],
    ['text outside events', '<Events>Log Name: Security</Events>', 'text outside an <Event>'],
    ['no Event element', '<Events></Events>', 'No <Event> element in this XML'],
    ['a tag never closed', '<Event><System', 'the tag <System> never closes'],
  ])('%s is reported, never thrown', (_, text, message) => {
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('xml')
    expect(parsed.diagnostics.map((d) => d.message).join('\n')).toContain(message)
  })

  test('hostile XML: no entity declarations, no deep nesting, no prototype keys', () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Event><Note>&lol2;</Note></Event>`
    const declared = parseEvents(laughs)
    expect(declared.diagnostics[0]?.message).toContain('<!DOCTYPE> and other declarations')
    expect(declared.events.map((e) => e.value)).toEqual([{ Event: { Note: '&lol2;' } }])

    const depth = 200_000
    const deep = `<Event>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</Event>`
    const nested = parseEvents(deep)
    expect(nested.diagnostics.map((d) => d.message)).toEqual([
      'Invalid XML: elements nested deeper than 64',
    ])

    const proto = parseEvents(
      '<Event><__proto__>x</__proto__><EventData><Data Name="constructor">y</Data></EventData></Event>',
    )
    const value = proto.events[0]?.value as { Event: Record<string, unknown> }
    expect(Object.getPrototypeOf(value.Event)).toBe(Object.prototype)
    expect(Object.hasOwn(value.Event, '__proto__')).toBe(true)
    expect(value.Event['EventData']).toEqual(JSON.parse('{"constructor":"y"}'))
  })
})
