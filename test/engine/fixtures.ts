/**
 * Shared inputs for the rule-level tests: the default rule and events. The rule is the page's
 * default, SigmaHQ's Rundll32 rule (test/ui/defaults.test.ts checks it against the corpus), so
 * these tests need no corpus.
 */
export { DEFAULT_RULE as RUNDLL32_RULE } from '../../src/ui/defaults/rule.ts'

/** A Sysmon network connection (event 3) as flat fields. */
export function netConnection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    EventID: 3,
    Image: 'C:\\Windows\\System32\\rundll32.exe',
    Initiated: 'true',
    DestinationIp: '93.184.216.34',
    DestinationPort: 443,
    SourceHostname: 'ws-017.corp.example',
    CommandLine: 'rundll32.exe payload.dll,Start',
    ...overrides,
  }
}

/** The same event as evtx_dump writes it: System and EventData nested under Event. */
export function evtxNetConnection(data: Record<string, unknown> = {}): unknown {
  return {
    Event: {
      '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
      System: {
        Provider: {
          '#attributes': {
            Name: 'Microsoft-Windows-Sysmon',
            Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9',
          },
        },
        EventID: 3,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'ws-017.corp.example',
      },
      EventData: {
        RuleName: '-',
        Image: 'C:\\Windows\\System32\\rundll32.exe',
        Initiated: true,
        DestinationIp: '93.184.216.34',
        DestinationPort: 443,
        ...data,
      },
    },
  }
}
