// The defaults every v1 link was made against, frozen on 2026-11-29: a v1 link leaves out what
// equals these, so they must never change, whatever the page's own defaults become. A copy by
// design (issue 12, "links never change meaning"); test/share/v1-frozen.test.ts pins them.
import type { SharedState } from './types.ts'

const V1_RULE = String.raw`title: Rundll32 Internet Connection
id: cdc8da7d-c303-42f8-b08c-b4ab47230263
status: test
description: Detects a rundll32 that communicates with public IP addresses
references:
    - https://www.hybrid-analysis.com/sample/759fb4c0091a78c5ee035715afe3084686a8493f39014aea72dae36869de9ff6?environmentId=100
author: Florian Roth (Nextron Systems)
date: 2017-11-04
modified: 2024-03-13
tags:
    - attack.defense-evasion
    - attack.t1218.011
    - attack.execution
logsource:
    category: network_connection
    product: windows
detection:
    selection:
        Image|endswith: '\rundll32.exe'
        Initiated: 'true'
    filter_main_local_ranges:
        DestinationIp|cidr:
            - '127.0.0.0/8'
            - '10.0.0.0/8'
            - '172.16.0.0/12'
            - '192.168.0.0/16'
            - '169.254.0.0/16'
            - '::1/128'  # IPv6 loopback
            - 'fe80::/10'  # IPv6 link-local addresses
            - 'fc00::/7'  # IPv6 private addresses
    filter_main_ms_ranges:
        DestinationIp|cidr:
            - '20.0.0.0/8' # Microsoft range, caused some FPs
            - '51.103.0.0/16' # Microsoft AS8075 range, caused some FPs
            - '51.104.0.0/16' # Microsoft AS8075 range, caused some FPs
            - '51.105.0.0/16' # Microsoft AS8075 range, caused some FPs
    filter_main_app_sdb:
        CommandLine|endswith: '\system32\PcaSvc.dll,PcaPatchSdbTask'
    filter_main_azure_managed:
        SourceHostname|endswith: '.internal.cloudapp.net'
    filter_main_svchost_update_processes:
        # Note: This require "ParentImage" data enrichment.
        ParentImage: 'C:\Windows\System32\svchost.exe'
        DestinationPort: 443
    condition: selection and not 1 of filter_main_*
falsepositives:
    - Communication to other corporate systems that use IP addresses from public address spaces
level: medium
`

const V1_EVENTS = String.raw`[
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 09:12:44.318",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\Users\\jdoe\\AppData\\Local\\Temp\\invoice_4821.dll,DllRegisterServer",
    "ParentImage": "C:\\Windows\\explorer.exe",
    "User": "CORP\\jdoe",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.30.41",
    "SourceHostname": "WS-FIN-0142.corp.example.com",
    "SourcePort": 51544,
    "DestinationIp": "185.225.69.43",
    "DestinationHostname": "",
    "DestinationPort": 8443
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 09:13:02.775",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\Windows\\System32\\shell32.dll,Control_RunDLL printui.dll",
    "ParentImage": "C:\\Windows\\explorer.exe",
    "User": "CORP\\jdoe",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.30.41",
    "SourceHostname": "WS-FIN-0142.corp.example.com",
    "SourcePort": 51561,
    "DestinationIp": "10.2.3.4",
    "DestinationHostname": "print01.corp.example.com",
    "DestinationPort": 445
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 09:14:19.006",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\Windows\\System32\\fdprint.dll,DiscoverPrinters",
    "ParentImage": "C:\\Windows\\explorer.exe",
    "User": "CORP\\mlee",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "fe80::1c4e:aa10:3b7f:92d1",
    "SourceHostname": "WS-ENG-0077.corp.example.com",
    "SourcePort": 49822,
    "DestinationIp": "fe80::4c1a:9e2f:1b3d:77a0",
    "DestinationHostname": "",
    "DestinationPort": 5357
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 09:20:51.442",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\Windows\\System32\\Windows.Storage.ApplicationData.dll,CleanupTemporaryState",
    "ParentImage": "C:\\Windows\\explorer.exe",
    "User": "CORP\\mlee",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.31.18",
    "SourceHostname": "WS-ENG-0077.corp.example.com",
    "SourcePort": 50113,
    "DestinationIp": "20.190.159.64",
    "DestinationHostname": "login.microsoftonline.com",
    "DestinationPort": 443
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 10:02:07.913",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "C:\\Windows\\system32\\rundll32.exe C:\\Windows\\system32\\PcaSvc.dll,PcaPatchSdbTask",
    "ParentImage": "C:\\Windows\\System32\\svchost.exe",
    "User": "NT AUTHORITY\\SYSTEM",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.30.41",
    "SourceHostname": "WS-FIN-0142.corp.example.com",
    "SourcePort": 51902,
    "DestinationIp": "93.184.216.34",
    "DestinationHostname": "ctldl.windowsupdate.com",
    "DestinationPort": 80
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 10:15:36.120",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\Windows\\System32\\shell32.dll,OpenAs_RunDLL C:\\WindowsAzure\\Logs\\Telemetry.xml",
    "ParentImage": "C:\\WindowsAzure\\GuestAgent_2.7.41491.1102\\WindowsAzureGuestAgent.exe",
    "User": "NT AUTHORITY\\SYSTEM",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "172.17.0.5",
    "SourceHostname": "build-agent-07.x3k2mq0h1vbetk0fgpy0sa2pfh.internal.cloudapp.net",
    "SourcePort": 60211,
    "DestinationIp": "52.239.152.10",
    "DestinationHostname": "stbuildlogs.blob.core.windows.net",
    "DestinationPort": 443
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 11:41:58.507",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\Windows\\System32\\aepdu.dll,AePduRunUpdate",
    "ParentImage": "C:\\Windows\\System32\\svchost.exe",
    "User": "NT AUTHORITY\\SYSTEM",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.30.41",
    "SourceHostname": "WS-FIN-0142.corp.example.com",
    "SourcePort": 52017,
    "DestinationIp": "151.101.2.132",
    "DestinationHostname": "settings-win.data.example.net",
    "DestinationPort": 443
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 11:43:12.660",
    "Image": "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "CommandLine": "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=utility --utility-sub-type=network.mojom.NetworkService",
    "ParentImage": "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "User": "CORP\\jdoe",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.30.41",
    "SourceHostname": "WS-FIN-0142.corp.example.com",
    "SourcePort": 52044,
    "DestinationIp": "142.250.185.78",
    "DestinationHostname": "www.google.com",
    "DestinationPort": 443
  },
  {
    "EventID": 3,
    "UtcTime": "2024-03-14 13:05:27.094",
    "Image": "C:\\Windows\\System32\\rundll32.exe",
    "CommandLine": "rundll32.exe C:\\ProgramData\\msupdate\\wdupd.dll,#1",
    "ParentImage": "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
    "User": "CORP\\akhan",
    "Protocol": "tcp",
    "Initiated": "true",
    "SourceIp": "10.20.32.9",
    "SourceHostname": "WS-HR-0031.corp.example.com",
    "SourcePort": 53377,
    "DestinationIp": "45.137.21.9",
    "DestinationHostname": "",
    "DestinationPort": 80
  }
]
`

export const V1_DEFAULTS: Readonly<SharedState> = Object.freeze({
  rule: V1_RULE,
  events: V1_EVENTS,
  selected: 0,
  options: Object.freeze({}),
})
