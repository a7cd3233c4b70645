/** Classic detection patterns, written here in the style of real rule sets. */
import { exampleRule, NETWORK, PROCESS, type Example } from '../example.ts'

export const REAL_WORLD: Example[] = [
  {
    id: 'office-spawns-shell',
    title: 'Office application spawning a shell',
    topic: 'Real-world rules',
    explain:
      'A parent-child rule: the parent is an Office program, the child a shell or script host. Filters cut the known-good children.',
    rule: exampleRule(
      100,
      'Office application spawning a shell',
      PROCESS,
      String.raw`
selection_parent:
    ParentImage|endswith:
        - '\winword.exe'
        - '\excel.exe'
        - '\powerpnt.exe'
selection_child:
    Image|endswith:
        - '\cmd.exe'
        - '\powershell.exe'
        - '\wscript.exe'
        - '\mshta.exe'
filter_optional_addin:
    CommandLine|contains: '\OfficeAddinHelper\'
condition: all of selection_* and not 1 of filter_optional_*`,
    ),
    events: [
      {
        ParentImage: 'C:\\Office\\WINWORD.EXE',
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd /c powershell -w hidden',
      },
      {
        ParentImage: 'C:\\Office\\EXCEL.EXE',
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd /c C:\\Tools\\OfficeAddinHelper\\sync.bat',
      },
      {
        ParentImage: 'C:\\Windows\\explorer.exe',
        Image: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'cmd',
      },
    ],
    verdicts: [true, false, false],
  },
  {
    id: 'lolbin-network',
    title: 'A LOLBin talking to a public address',
    topic: 'Real-world rules',
    explain:
      'A network rule: a system binary that should not reach the internet, with the private and loopback ranges filtered out by |cidr.',
    rule: exampleRule(
      101,
      'A LOLBin talking to a public address',
      NETWORK,
      String.raw`
selection:
    Image|endswith:
        - '\regsvr32.exe'
        - '\mshta.exe'
    Initiated: 'true'
filter_main_local:
    DestinationIp|cidr:
        - '127.0.0.0/8'
        - '10.0.0.0/8'
        - '172.16.0.0/12'
        - '192.168.0.0/16'
        - '::1/128'
condition: selection and not 1 of filter_main_*`,
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\regsvr32.exe',
        Initiated: 'true',
        DestinationIp: '198.51.100.7',
      },
      {
        Image: 'C:\\Windows\\System32\\regsvr32.exe',
        Initiated: 'true',
        DestinationIp: '172.20.1.5',
      },
      {
        Image: 'C:\\Windows\\System32\\regsvr32.exe',
        Initiated: 'false',
        DestinationIp: '198.51.100.7',
      },
    ],
    verdicts: [true, false, false],
  },
  {
    id: 'encoded-powershell',
    title: 'Encoded PowerShell command',
    topic: 'Real-world rules',
    explain:
      'PowerShell with -e, -en, -enc or -encodedcommand written with any dash, or a known bad word hidden in the UTF-16 base64 payload.',
    rule: exampleRule(
      102,
      'Encoded PowerShell command',
      PROCESS,
      String.raw`
selection_img:
    Image|endswith:
        - '\powershell.exe'
        - '\pwsh.exe'
selection_flag:
    CommandLine|windash|contains:
        - ' -e '
        - ' -en '
        - ' -enc '
        - ' -encodedcommand '
selection_payload:
    CommandLine|wide|base64offset|contains: 'DownloadString'
condition: selection_img and (selection_flag or selection_payload)`,
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        CommandLine: 'powershell.exe /enc SQBFAFgA',
      },
      {
        Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        CommandLine: 'powershell.exe -File update.ps1',
      },
    ],
    verdicts: [true, false],
  },
]
