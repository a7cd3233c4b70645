/** How values match: lists are OR, maps are AND, case, wildcards and escapes, null, empty. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

export const VALUES: Example[] = [
  {
    id: 'list-is-or',
    title: 'A list of values is OR',
    topic: 'Values',
    explain:
      'Under one field, a list means "any of these". The first two events each match one value; the third matches none.',
    rule: exampleRule(
      1,
      'A list of values is OR',
      PROCESS,
      String.raw`
selection:
    Image|endswith:
        - '\certutil.exe'
        - '\bitsadmin.exe'
condition: selection`,
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\certutil.exe' },
      { Image: 'C:\\Windows\\System32\\bitsadmin.exe' },
      { Image: 'C:\\Windows\\System32\\curl.exe' },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'map-is-and',
    title: 'Fields in one map are AND',
    topic: 'Values',
    explain:
      'Every field of a selection map must match. The second event has the right image but the wrong parent, so the selection fails.',
    rule: exampleRule(
      2,
      'Fields in one map are AND',
      PROCESS,
      String.raw`
selection:
    ParentImage|endswith: '\winword.exe'
    Image|endswith: '\powershell.exe'
condition: selection`,
    ),
    events: [
      {
        ParentImage: 'C:\\Program Files\\Microsoft Office\\winword.exe',
        Image: 'C:\\Windows\\powershell.exe',
      },
      { ParentImage: 'C:\\Windows\\explorer.exe', Image: 'C:\\Windows\\powershell.exe' },
    ],
    verdicts: [true, false],
  },
  {
    id: 'list-of-maps',
    title: 'A list of maps is OR between the maps',
    topic: 'Values',
    explain:
      'A dash before each map makes a list: the selection matches when any one map matches as a whole. Authors often write this when they meant one map (AND).',
    rule: exampleRule(
      3,
      'A list of maps is OR between the maps',
      PROCESS,
      String.raw`
selection:
    - Image|endswith: '\rundll32.exe'
      CommandLine|contains: 'javascript:'
    - Image|endswith: '\mshta.exe'
condition: selection`,
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\mshta.exe', CommandLine: 'mshta.exe page.hta' },
      {
        Image: 'C:\\Windows\\System32\\rundll32.exe',
        CommandLine: 'rundll32.exe javascript:"\\..\\mshtml"',
      },
      {
        Image: 'C:\\Windows\\System32\\rundll32.exe',
        CommandLine: 'rundll32.exe shell32.dll,Control_RunDLL',
      },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'case-insensitive',
    title: 'Matching ignores case unless |cased',
    topic: 'Values',
    explain:
      'Plain values match whatever the case. With |cased the case must be exact: the second rule value only matches the upper-case event.',
    rule: exampleRule(
      4,
      'Matching ignores case unless cased',
      PROCESS,
      String.raw`
selection_any_case:
    CommandLine|contains: 'invoke-mimikatz'
selection_exact_case:
    CommandLine|cased|contains: 'SEKURLSA'
condition: 1 of selection_*`,
    ),
    events: [
      { CommandLine: 'powershell Invoke-Mimikatz -DumpCreds' },
      { CommandLine: 'mimi.exe SEKURLSA::logonpasswords' },
      { CommandLine: 'mimi.exe sekurlsa::logonpasswords' },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'wildcards',
    title: 'Wildcards * and ?, and their escapes',
    topic: 'Values',
    explain:
      '* matches any text and ? exactly one character. A backslash before * or ? makes it literal (\\* is a real asterisk), so a wildcard right after a path backslash needs the backslash doubled: \\\\*.',
    rule: exampleRule(
      5,
      'Wildcards and their escapes',
      PROCESS,
      String.raw`
selection_glob:
    Image: 'C:\Users\\*\AppData\Local\Temp\\?.exe'
selection_literal_star:
    CommandLine|contains: 'del \*.*'
condition: 1 of selection_*`,
    ),
    events: [
      { Image: 'C:\\Users\\bob\\AppData\\Local\\Temp\\a.exe', CommandLine: 'a.exe' },
      { Image: 'C:\\Users\\bob\\AppData\\Local\\Temp\\ab.exe', CommandLine: 'ab.exe' },
      { Image: 'C:\\Windows\\cmd.exe', CommandLine: 'cmd /c del *.* /q' },
      { Image: 'C:\\Windows\\cmd.exe', CommandLine: 'cmd /c del a.txt' },
    ],
    verdicts: [true, false, true, false],
  },
  {
    id: 'escape-trap',
    title: 'The \\* trap in Windows paths',
    topic: 'Values',
    explain:
      'In C:\\Windows\\*\\cmd.exe the backslash before * escapes it: the value means a literal "Windows*" folder and no wildcard is left. Write \\\\* for "a backslash, then anything".',
    rule: exampleRule(
      7,
      'The escaped wildcard trap',
      PROCESS,
      String.raw`
selection_trap:
    Image: 'C:\Windows\*\cmd.exe'
selection_meant:
    ParentImage: 'C:\Windows\\*\cmd.exe'
condition: 1 of selection_*`,
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\cmd.exe', ParentImage: 'C:\\Windows\\System32\\cmd.exe' },
      { Image: 'C:\\Windows\\System32\\cmd.exe', ParentImage: 'C:\\Windows\\explorer.exe' },
    ],
    verdicts: [true, false],
  },
  {
    id: 'null-and-empty',
    title: "null means absent; '' means empty",
    topic: 'Values',
    explain:
      'null matches an event without the field (or with JSON null). An empty string matches only a field that is there and empty.',
    rule: exampleRule(
      6,
      'Null and the empty string',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\svchost.exe'
filter_no_commandline:
    CommandLine: null
filter_empty_user:
    User: ''
condition: selection and not 1 of filter_*`,
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\svchost.exe',
        CommandLine: 'svchost.exe -k netsvcs',
        User: 'SYSTEM',
      },
      { Image: 'C:\\Windows\\System32\\svchost.exe', User: 'SYSTEM' },
      {
        Image: 'C:\\Windows\\System32\\svchost.exe',
        CommandLine: 'svchost.exe -k netsvcs',
        User: '',
      },
    ],
    verdicts: [true, false, false],
  },
]
