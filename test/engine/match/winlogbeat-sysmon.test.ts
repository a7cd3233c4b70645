// Sysmon events as Winlogbeat's Sysmon module (and Elastic Agent) ship them, with much of
// their data moved to ECS fields: written here by hand the way those documents look, and
// judged as the same events flat.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE } from '../../../src/ui/defaults/rule.ts'
import { compiled, explain, verdict } from '../../helpers/judge.ts'
import { dedent } from '../../helpers/dedent.ts'
import { winlogbeatProcessStart } from '../events/shape-forms.ts'

/** A network connection (Sysmon 3) as Winlogbeat 8 indexes it. */
function connection(destination: string, direction: 'egress' | 'ingress') {
  return {
    '@timestamp': '2024-03-14T09:12:44.318Z',
    event: { code: '3', module: 'sysmon', provider: 'Microsoft-Windows-Sysmon', kind: 'event' },
    winlog: {
      channel: 'Microsoft-Windows-Sysmon/Operational',
      provider_name: 'Microsoft-Windows-Sysmon',
      event_id: '3',
      computer_name: 'WS-FIN-0142.corp.example.com',
      event_data: { SourcePortName: '-', DestinationPortName: '-' },
    },
    process: {
      pid: 6512,
      executable: 'C:\\Windows\\System32\\rundll32.exe',
      name: 'rundll32.exe',
    },
    user: { domain: 'CORP', name: 'jdoe' },
    network: { transport: 'tcp', direction, type: 'ipv4' },
    source: { ip: '10.20.30.41', port: 51544, domain: 'WS-FIN-0142.corp.example.com' },
    destination: { ip: destination, port: 8443, domain: '' },
  }
}

describe("Winlogbeat's Sysmon module", () => {
  it('gives the default rule its verdicts: Image, Initiated and DestinationIp read back', () => {
    const rule = compiled(DEFAULT_RULE)
    expect(verdict(rule, connection('185.225.69.43', 'egress')).match).toBe(true)
    // Excluded by filter_main_local_ranges, and not initiated by the host.
    expect(verdict(rule, connection('10.2.3.4', 'egress')).identifiers).toMatchObject({
      selection: true,
      filter_main_local_ranges: true,
    })
    expect(verdict(rule, connection('185.225.69.43', 'ingress')).match).toBe(false)
  })

  it('reads a process start: parent, command line, user and hashes as Sysmon wrote them', () => {
    const rule = compiled(dedent`
      title: t
      logsource: { product: windows, category: process_creation }
      detection:
        selection:
          Image|endswith: '\\whoami.exe'
          OriginalFileName: whoami.exe
          ParentImage|endswith: '\\cmd.exe'
          CommandLine|contains: /priv
          User|contains: AUTHORI
          Hashes|contains: SHA256=AA11
          IntegrityLevel: High
        condition: selection
    `)
    expect(verdict(rule, winlogbeatProcessStart).match).toBe(true)
    const trace = JSON.stringify(explain(rule, winlogbeatProcessStart))
    expect(trace).toContain('process.parent.executable')
  })

  it('leaves event_data first, and other providers alone', () => {
    const own = structuredClone(winlogbeatProcessStart)
    Object.assign(own.winlog.event_data, { Image: 'C:\\Tools\\other.exe' })
    const rule = compiled(
      "title: t\nlogsource: { product: windows }\ndetection:\n  s:\n    Image|endswith: '\\whoami.exe'\n  condition: s\n",
    )
    expect(verdict(rule, own).match).toBe(false)
    const security = structuredClone(winlogbeatProcessStart)
    security.winlog.channel = 'Security'
    security.event.module = 'security'
    expect(verdict(rule, security).match).toBe(false)
    // Without event.module, the ECS process object beside a Sysmon channel tells the module ran.
    const unmarked = structuredClone(winlogbeatProcessStart)
    unmarked.event.module = ''
    expect(verdict(rule, unmarked).match).toBe(true)
  })
})
