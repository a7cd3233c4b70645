/**
 * Sysmon network-connection events (EventID 3) as a SIEM forwards them: flat fields, the
 * shape the default rule is written against. The mix is meant to exercise every branch of
 * that rule: rundll32 in several spellings, every filter range, IPv4 and IPv6.
 */
import { seededRandom, type Random } from './seeded-random.ts'

export type NetworkEvent = Record<string, string | number | boolean>

const RUNDLL32 = [
  'C:\\Windows\\System32\\rundll32.exe',
  'C:\\Windows\\SysWOW64\\rundll32.exe',
  'C:\\WINDOWS\\system32\\RUNDLL32.EXE',
  'C:\\Users\\Public\\rundll32.exe',
]
const OTHER_IMAGES = [
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Users\\alice\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
  'C:\\Windows\\System32\\rundll32.exe.bak',
  'C:\\Tools\\not_rundll32.exe',
]
const COMMAND_LINES = [
  'rundll32.exe C:\\Windows\\system32\\PcaSvc.dll,PcaPatchSdbTask',
  'rundll32.exe shell32.dll,Control_RunDLL',
  '"C:\\Windows\\System32\\rundll32.exe" C:\\Users\\Public\\payload.dll,DllRegisterServer',
  'rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication"',
]
const HOSTS = ['WS-0042.corp.example.com', 'vm-build-7.internal.cloudapp.net', 'LAPTOP-ALICE', '']
const PARENTS = ['C:\\Windows\\System32\\svchost.exe', 'C:\\Windows\\explorer.exe']

const octet = (r: Random) => r.int(256)
const hex = (r: Random) => r.int(0x10000).toString(16)

/** Destination addresses, weighted towards the interesting edges of the filter ranges. */
function destinationIp(r: Random): string {
  switch (r.int(12)) {
    case 0:
      return `10.${octet(r)}.${octet(r)}.${octet(r)}`
    case 1:
      return `192.168.${octet(r)}.${octet(r)}`
    case 2:
      return `172.${16 + r.int(20)}.${octet(r)}.${octet(r)}` // 172.32–35 lie outside /12
    case 3:
      return r.chance(0.5) ? '127.0.0.1' : `169.254.${octet(r)}.${octet(r)}`
    case 4:
      return `20.${octet(r)}.${octet(r)}.${octet(r)}`
    case 5:
      return `51.${r.pick([103, 104, 105, 106])}.${octet(r)}.${octet(r)}`
    case 6:
      return r.pick(['::1', `fe80::${hex(r)}:${hex(r)}`, `fd00:${hex(r)}::${hex(r)}`])
    case 7:
      return `2a00:1450:${hex(r)}:${hex(r)}::${hex(r)}`
    default:
      return `${1 + r.int(223)}.${octet(r)}.${octet(r)}.${octet(r)}`
  }
}

function networkEvent(r: Random, index: number): NetworkEvent {
  const rundll = r.chance(0.3)
  const ip = destinationIp(r)
  const ipv6 = ip.includes(':')
  return {
    EventID: 3,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    UtcTime: `2026-11-27 12:${String(index % 60).padStart(2, '0')}:00.000`,
    ProcessGuid: `{5770385f-c22a-${hex(r)}-${hex(r)}-000000000${index % 10}00}`,
    ProcessId: 1000 + r.int(9000),
    Image: rundll ? r.pick(RUNDLL32) : r.pick(OTHER_IMAGES),
    CommandLine: rundll ? r.pick(COMMAND_LINES) : 'C:\\Windows\\System32\\svchost.exe -k netsvcs',
    ParentImage: r.pick(PARENTS),
    User: r.pick(['NT AUTHORITY\\SYSTEM', 'CORP\\alice']),
    Protocol: r.pick(['tcp', 'udp']),
    Initiated: r.chance(0.85) ? 'true' : 'false',
    SourceIsIpv6: ipv6 ? 'true' : 'false',
    SourceIp: ipv6 ? `fe80::${hex(r)}` : `10.0.${octet(r)}.${octet(r)}`,
    SourceHostname: r.pick(HOSTS),
    SourcePort: 49152 + r.int(16000),
    DestinationIsIpv6: ipv6 ? 'true' : 'false',
    DestinationIp: ip,
    DestinationHostname: r.pick(['', 'example.org', 'login.live.com']),
    DestinationPort: r.pick([443, 443, 80, 8080, 53, 4444]),
  }
}

export function networkEvents(count: number, seed = 20261127): NetworkEvent[] {
  const r = seededRandom(seed)
  return Array.from({ length: count }, (_, index) => networkEvent(r, index))
}
