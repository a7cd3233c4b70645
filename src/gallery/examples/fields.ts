/** Numbers, networks and fields: gt/lt, cidr, exists, fieldref, neq. */
import { exampleRule, NETWORK, PROCESS, type Example } from '../example.ts'

export const FIELDS: Example[] = [
  {
    id: 'compare',
    title: 'gt, gte, lt, lte: numbers',
    topic: 'Numbers, networks and fields',
    explain:
      'Comparisons read the field as a number (a numeric string counts too). gte includes the bound, gt does not.',
    rule: exampleRule(
      70,
      'Numeric comparison',
      NETWORK,
      String.raw`
selection:
    DestinationPort|gte: 49152
    DestinationPort|lte: 65535
    Initiated: 'true'
condition: selection`,
    ),
    events: [
      { DestinationPort: 49152, Initiated: 'true' },
      { DestinationPort: '50001', Initiated: 'true' },
      { DestinationPort: 49151, Initiated: 'true' },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'cidr',
    title: 'cidr: address ranges',
    topic: 'Numbers, networks and fields',
    explain:
      'A |cidr value is a network; the event address must fall inside it. 10.0.0.0/8 covers 10.0.0.0 to 10.255.255.255, so 11.0.0.1 is just outside.',
    rule: exampleRule(
      71,
      'Address ranges',
      NETWORK,
      String.raw`
selection:
    Image|endswith: '\powershell.exe'
filter_main_private:
    DestinationIp|cidr:
        - '10.0.0.0/8'
        - '192.168.0.0/16'
        - 'fc00::/7'
condition: selection and not filter_main_private`,
    ),
    events: [
      { Image: 'C:\\Windows\\powershell.exe', DestinationIp: '11.0.0.1' },
      { Image: 'C:\\Windows\\powershell.exe', DestinationIp: '10.255.255.255' },
      { Image: 'C:\\Windows\\powershell.exe', DestinationIp: 'fd12::1' },
    ],
    verdicts: [true, false, false],
  },
  {
    id: 'exists',
    title: 'exists: is the field there at all',
    topic: 'Numbers, networks and fields',
    explain:
      '|exists: true matches when the field is present, whatever its value (even empty); |exists: false when it is missing.',
    rule: exampleRule(
      72,
      'Field presence',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\rundll32.exe'
    OriginalFileName|exists: false
condition: selection`,
    ),
    events: [
      { Image: 'C:\\Windows\\rundll32.exe' },
      { Image: 'C:\\Windows\\rundll32.exe', OriginalFileName: '' },
    ],
    verdicts: [true, false],
  },
  {
    id: 'fieldref',
    title: 'fieldref: compare two fields',
    topic: 'Numbers, networks and fields',
    explain:
      '|fieldref compares the field with another field of the same event. Here: a process whose parent has the very same image.',
    rule: exampleRule(
      73,
      'Field reference',
      PROCESS,
      String.raw`
selection:
    Image|fieldref: ParentImage
condition: selection`,
    ),
    events: [
      { Image: 'C:\\Users\\x\\a.exe', ParentImage: 'C:\\Users\\x\\a.exe' },
      { Image: 'C:\\Users\\x\\a.exe', ParentImage: 'C:\\Windows\\explorer.exe' },
    ],
    verdicts: [true, false],
  },
  {
    id: 'neq',
    title: 'neq: anything but these',
    topic: 'Numbers, networks and fields',
    explain:
      '|neq is the NOT of the whole item: true when the field differs from every listed value, and also when the event has no such field at all (third event). Add a separate |exists: true item to demand the field.',
    rule: exampleRule(
      74,
      'Not equal',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\lsass.exe'
    ParentImage|neq: 'C:\Windows\System32\wininit.exe'
condition: selection`,
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\lsass.exe', ParentImage: 'C:\\Users\\x\\evil.exe' },
      {
        Image: 'C:\\Windows\\System32\\lsass.exe',
        ParentImage: 'C:\\Windows\\System32\\wininit.exe',
      },
      { Image: 'C:\\Windows\\System32\\lsass.exe' },
    ],
    verdicts: [true, false, true],
  },
]
