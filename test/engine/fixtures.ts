/** Shared inputs for the rule-level tests: the default rule (read from the corpus) and events. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const corpus = fileURLToPath(new URL('../../../shared/corpus/sigmahq/', import.meta.url))

export function corpusRule(path: string): string {
  return readFileSync(corpus + path, 'utf8')
}

export const RUNDLL32_RULE =
  'rules/windows/network_connection/net_connection_win_rundll32_net_connections.yml'

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
