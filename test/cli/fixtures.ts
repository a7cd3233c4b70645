/** Small rules and events written for these tests (never copied from SigmaHQ). */
import { dedent } from '../helpers/dedent.ts'

export const RULE = dedent(`
  title: Rundll32 talking to a public address
  id: 0d6a1f7e-5b0c-4a55-9a43-1d2f3b4c5d6e
  status: test
  logsource:
      category: network_connection
      product: windows
  detection:
      selection:
          Image|endswith: '\\rundll32.exe'
      filter_main_local_ranges:
          DestinationIp|cidr:
              - '10.0.0.0/8'
              - '192.168.0.0/16'
      condition: selection and not 1 of filter_main_*
  level: medium
`)

/** Line 9 holds the misspelt modifier, line 11 the condition naming a missing identifier. */
export const BROKEN_RULE = dedent(`
  title: Broken
  id: 2e0c8d55-7d0e-4d8f-8c52-6f1e2a3b4c5d
  status: test
  logsource:
      category: process_creation
      product: windows
  detection:
      selection:
          Image|endswiht: '\\cmd.exe'
      filter: {User: alice}
      condition: selection and not filtre
  level: low
`)

export const PLACEHOLDER_RULE = dedent(`
  title: Admin logon
  id: 7a9b8c6d-1e2f-4a3b-9c8d-7e6f5a4b3c2d
  status: test
  logsource:
      product: windows
      service: security
  detection:
      selection:
          User|expand: '%admins%'
      condition: selection
  level: low
`)

export const EVENTS = [
  { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationIp: '8.8.8.8' },
  { Image: 'C:\\WINDOWS\\SYSTEM32\\RUNDLL32.EXE', DestinationIp: '10.1.2.3' },
  { Image: 'C:\\Program Files\\chrome.exe', DestinationIp: '8.8.4.4' },
]

/** What `eval` prints for EVENTS against RULE: the contract, byte for byte. */
export const EXPECTED_LINES = [
  '{"event":0,"match":true,"identifiers":{"selection":true,"filter_main_local_ranges":false}}',
  '{"event":1,"match":false,"identifiers":{"selection":true,"filter_main_local_ranges":true}}',
  '{"event":2,"match":false,"identifiers":{"selection":false,"filter_main_local_ranges":false}}',
]

/** EVENTS as evtx_dump writes them: nested under Event.EventData, objects back to back. */
export const EVTX_DUMP_TEXT = EVENTS.map((data, i) =>
  JSON.stringify(
    {
      Event: {
        '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
        System: {
          EventID: 3,
          EventRecordID: i + 1,
          Provider: { '#attributes': { Name: 'Sysmon' } },
        },
        EventData: data,
      },
    },
    null,
    2,
  ),
).join('\n')
