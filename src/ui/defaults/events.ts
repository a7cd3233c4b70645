/**
 * Hand-written Sysmon network-connection events (EventID 3, flat fields, ParentImage and
 * CommandLine enriched as the rule's note expects) chosen so the first screen shows every part of
 * the default rule at work: two true positives, one event excluded by each filter_main_*, and
 * one that is not rundll32 at all. test/ui/defaults.test.ts checks each claim with the engine.
 */

const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe'
const SVCHOST = 'C:\\Windows\\System32\\svchost.exe'
const EXPLORER = 'C:\\Windows\\explorer.exe'

interface SysmonNetworkEvent {
  EventID: 3
  UtcTime: string
  Image: string
  CommandLine: string
  ParentImage: string
  User: string
  Protocol: 'tcp' | 'udp'
  Initiated: 'true' | 'false'
  SourceIp: string
  SourceHostname: string
  SourcePort: number
  DestinationIp: string
  DestinationHostname: string
  DestinationPort: number
}

function event(
  fields: Omit<SysmonNetworkEvent, 'EventID' | 'Protocol' | 'Initiated'>,
): SysmonNetworkEvent {
  const { UtcTime, Image, CommandLine, ParentImage, User, ...network } = fields
  return {
    EventID: 3,
    UtcTime,
    Image,
    CommandLine,
    ParentImage,
    User,
    Protocol: 'tcp',
    Initiated: 'true',
    ...network,
  }
}

export const DEFAULT_EVENT_LIST: SysmonNetworkEvent[] = [
  // 0. True positive: a DLL dropped in Temp phones home to a public address.
  event({
    UtcTime: '2024-03-14 09:12:44.318',
    Image: RUNDLL32,
    CommandLine:
      'rundll32.exe C:\\Users\\jdoe\\AppData\\Local\\Temp\\invoice_4821.dll,DllRegisterServer',
    ParentImage: EXPLORER,
    User: 'CORP\\jdoe',
    SourceIp: '10.20.30.41',
    SourceHostname: 'WS-FIN-0142.corp.example.com',
    SourcePort: 51544,
    DestinationIp: '185.225.69.43',
    DestinationHostname: '',
    DestinationPort: 8443,
  }),
  // 1. Excluded by filter_main_local_ranges: an internal file server (private IPv4).
  event({
    UtcTime: '2024-03-14 09:13:02.775',
    Image: RUNDLL32,
    CommandLine: 'rundll32.exe C:\\Windows\\System32\\shell32.dll,Control_RunDLL printui.dll',
    ParentImage: EXPLORER,
    User: 'CORP\\jdoe',
    SourceIp: '10.20.30.41',
    SourceHostname: 'WS-FIN-0142.corp.example.com',
    SourcePort: 51561,
    DestinationIp: '10.2.3.4',
    DestinationHostname: 'print01.corp.example.com',
    DestinationPort: 445,
  }),
  // 2. Excluded by filter_main_local_ranges: an IPv6 link-local neighbour.
  event({
    UtcTime: '2024-03-14 09:14:19.006',
    Image: RUNDLL32,
    CommandLine: 'rundll32.exe C:\\Windows\\System32\\fdprint.dll,DiscoverPrinters',
    ParentImage: EXPLORER,
    User: 'CORP\\mlee',
    SourceIp: 'fe80::1c4e:aa10:3b7f:92d1',
    SourceHostname: 'WS-ENG-0077.corp.example.com',
    SourcePort: 49822,
    DestinationIp: 'fe80::4c1a:9e2f:1b3d:77a0',
    DestinationHostname: '',
    DestinationPort: 5357,
  }),
  // 3. Excluded by filter_main_ms_ranges: a Microsoft 20.0.0.0/8 address.
  event({
    UtcTime: '2024-03-14 09:20:51.442',
    Image: RUNDLL32,
    CommandLine:
      'rundll32.exe C:\\Windows\\System32\\Windows.Storage.ApplicationData.dll,CleanupTemporaryState',
    ParentImage: EXPLORER,
    User: 'CORP\\mlee',
    SourceIp: '10.20.31.18',
    SourceHostname: 'WS-ENG-0077.corp.example.com',
    SourcePort: 50113,
    DestinationIp: '20.190.159.64',
    DestinationHostname: 'login.microsoftonline.com',
    DestinationPort: 443,
  }),
  // 4. Excluded by filter_main_app_sdb: the Program Compatibility Assistant's scheduled task.
  event({
    UtcTime: '2024-03-14 10:02:07.913',
    Image: RUNDLL32,
    CommandLine:
      'C:\\Windows\\system32\\rundll32.exe C:\\Windows\\system32\\PcaSvc.dll,PcaPatchSdbTask',
    ParentImage: SVCHOST,
    User: 'NT AUTHORITY\\SYSTEM',
    SourceIp: '10.20.30.41',
    SourceHostname: 'WS-FIN-0142.corp.example.com',
    SourcePort: 51902,
    DestinationIp: '93.184.216.34',
    DestinationHostname: 'ctldl.windowsupdate.com',
    DestinationPort: 80,
  }),
  // 5. Excluded by filter_main_azure_managed: an Azure VM's internal host name.
  event({
    UtcTime: '2024-03-14 10:15:36.120',
    Image: RUNDLL32,
    CommandLine:
      'rundll32.exe C:\\Windows\\System32\\shell32.dll,OpenAs_RunDLL C:\\WindowsAzure\\Logs\\Telemetry.xml',
    ParentImage: 'C:\\WindowsAzure\\GuestAgent_2.7.41491.1102\\WindowsAzureGuestAgent.exe',
    User: 'NT AUTHORITY\\SYSTEM',
    SourceIp: '172.17.0.5',
    SourceHostname: 'build-agent-07.x3k2mq0h1vbetk0fgpy0sa2pfh.internal.cloudapp.net',
    SourcePort: 60211,
    DestinationIp: '52.239.152.10',
    DestinationHostname: 'stbuildlogs.blob.core.windows.net',
    DestinationPort: 443,
  }),
  // 6. Excluded by filter_main_svchost_update_processes: launched by svchost, talking HTTPS.
  event({
    UtcTime: '2024-03-14 11:41:58.507',
    Image: RUNDLL32,
    CommandLine: 'rundll32.exe C:\\Windows\\System32\\aepdu.dll,AePduRunUpdate',
    ParentImage: SVCHOST,
    User: 'NT AUTHORITY\\SYSTEM',
    SourceIp: '10.20.30.41',
    SourceHostname: 'WS-FIN-0142.corp.example.com',
    SourcePort: 52017,
    DestinationIp: '151.101.2.132',
    DestinationHostname: 'settings-win.data.example.net',
    DestinationPort: 443,
  }),
  // 7. Not rundll32 at all: a browser reaching a public address.
  event({
    UtcTime: '2024-03-14 11:43:12.660',
    Image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    CommandLine:
      '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=utility --utility-sub-type=network.mojom.NetworkService',
    ParentImage: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    User: 'CORP\\jdoe',
    SourceIp: '10.20.30.41',
    SourceHostname: 'WS-FIN-0142.corp.example.com',
    SourcePort: 52044,
    DestinationIp: '142.250.185.78',
    DestinationHostname: 'www.google.com',
    DestinationPort: 443,
  }),
  // 8. True positive: a macro-launched DLL calling out over plain HTTP.
  event({
    UtcTime: '2024-03-14 13:05:27.094',
    Image: RUNDLL32,
    CommandLine: 'rundll32.exe C:\\ProgramData\\msupdate\\wdupd.dll,#1',
    ParentImage: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
    User: 'CORP\\akhan',
    SourceIp: '10.20.32.9',
    SourceHostname: 'WS-HR-0031.corp.example.com',
    SourcePort: 53377,
    DestinationIp: '45.137.21.9',
    DestinationHostname: '',
    DestinationPort: 80,
  }),
]

export const DEFAULT_EVENTS = JSON.stringify(DEFAULT_EVENT_LIST, null, 2) + '\n'

/** Index → the verdict and the filter the first screen is meant to show. */
export const DEFAULT_EXPECTATIONS: { match: boolean; decidedBy: string }[] = [
  { match: true, decidedBy: 'selection' },
  { match: false, decidedBy: 'filter_main_local_ranges' },
  { match: false, decidedBy: 'filter_main_local_ranges' },
  { match: false, decidedBy: 'filter_main_ms_ranges' },
  { match: false, decidedBy: 'filter_main_app_sdb' },
  { match: false, decidedBy: 'filter_main_azure_managed' },
  { match: false, decidedBy: 'filter_main_svchost_update_processes' },
  { match: false, decidedBy: 'selection' },
  { match: true, decidedBy: 'selection' },
]
