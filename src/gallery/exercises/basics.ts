/** The first exercises: what a value, a list and a map mean, and the condition. */
import { exampleRule, PROCESS } from '../example.ts'
import type { Exercise } from '../exercise.ts'

const rule = (id: number, title: string, detection: string) =>
  exampleRule(id, title, PROCESS, detection)

const WHOAMI = [
  { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\ann' },
  { Image: 'C:\\Windows\\SysWOW64\\whoami.exe', User: 'CORP\\bob' },
  { Image: 'C:\\Windows\\System32\\hostname.exe', User: 'CORP\\ann' },
]

export const BASICS: Exercise[] = [
  {
    id: 'ex-endswith',
    title: '1. A whole value is not a suffix',
    goal: 'Make the rule fire on events #0 and #1 (whoami.exe in any folder) but not on #2.',
    rule: rule(200, 'Whoami', "selection:\n    Image: '\\whoami.exe'\ncondition: selection"),
    events: WHOAMI,
    want: [true, true, false],
    hints: [
      'A value without a modifier must equal the whole field. The events have full paths.',
      'Add a modifier after the field name: Image|endswith.',
    ],
    solution: rule(
      200,
      'Whoami',
      "selection:\n    Image|endswith: '\\whoami.exe'\ncondition: selection",
    ),
  },
  {
    id: 'ex-list-or',
    title: '2. One more tool: a list',
    goal: 'The rule catches certutil.exe. Make it catch bitsadmin.exe too (#1), still not curl.exe (#2).',
    rule: rule(
      201,
      'Download tools',
      "selection:\n    Image|endswith: '\\certutil.exe'\ncondition: selection",
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\certutil.exe' },
      { Image: 'C:\\Windows\\System32\\bitsadmin.exe' },
      { Image: 'C:\\Windows\\System32\\curl.exe' },
    ],
    want: [true, true, false],
    hints: ['Under one field, a YAML list means "any of these".'],
    solution: rule(
      201,
      'Download tools',
      "selection:\n    Image|endswith:\n        - '\\certutil.exe'\n        - '\\bitsadmin.exe'\ncondition: selection",
    ),
  },
  {
    id: 'ex-map-and',
    title: '3. Narrow it down: a second field',
    goal: 'The rule fires on every PowerShell. Make it fire only when Word started it (#0).',
    rule: rule(
      202,
      'Word spawns PowerShell',
      "selection:\n    Image|endswith: '\\powershell.exe'\ncondition: selection",
    ),
    events: [
      { Image: 'C:\\Windows\\powershell.exe', ParentImage: 'C:\\Office\\WINWORD.EXE' },
      { Image: 'C:\\Windows\\powershell.exe', ParentImage: 'C:\\Windows\\explorer.exe' },
    ],
    want: [true, false],
    hints: ['Fields in the same map must all match.', 'Add ParentImage|endswith under selection.'],
    solution: rule(
      202,
      'Word spawns PowerShell',
      "selection:\n    Image|endswith: '\\powershell.exe'\n    ParentImage|endswith: '\\winword.exe'\ncondition: selection",
    ),
  },
  {
    id: 'ex-fix-not',
    title: '4. Fix the condition',
    goal: 'filter_admin should exclude the admin (#1), but the condition does the opposite. Fix it.',
    rule: rule(
      203,
      'Whoami by users',
      "selection:\n    Image|endswith: '\\whoami.exe'\nfilter_admin:\n    User: 'CORP\\adm_ann'\ncondition: selection and filter_admin",
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\bob' },
      { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\adm_ann' },
    ],
    want: [true, false],
    hints: ['A filter removes events: it needs a not in front of it.'],
    solution: rule(
      203,
      'Whoami by users',
      "selection:\n    Image|endswith: '\\whoami.exe'\nfilter_admin:\n    User: 'CORP\\adm_ann'\ncondition: selection and not filter_admin",
    ),
  },
  {
    id: 'ex-typo',
    title: '5. The rule will not run',
    goal: 'The rule has an error and nothing is evaluated. Read the marker, fix it, and make it fire on #0 only.',
    rule: rule(
      204,
      'Net user add',
      "selection:\n    CommandLine|contains: 'net user'\ncondition: selectoin",
    ),
    events: [{ CommandLine: 'net user eve P@ss /add' }, { CommandLine: 'net view' }],
    want: [true, false],
    hints: [
      'The condition names an identifier that does not exist. Compare the spelling with the key above.',
    ],
    solution: rule(
      204,
      'Net user add',
      "selection:\n    CommandLine|contains: 'net user'\ncondition: selection",
    ),
  },
  {
    id: 'ex-none-of-filters',
    title: '6. None of the filters',
    goal: 'Each filter should remove its own event: only #0 should match.',
    rule: rule(
      205,
      'Scheduled task created',
      "selection:\n    Image|endswith: '\\schtasks.exe'\nfilter_main_system:\n    User|contains: 'SYSTEM'\nfilter_optional_updater:\n    CommandLine|contains: 'GoogleUpdate'\ncondition: selection and not all of filter_*",
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\schtasks.exe',
        User: 'CORP\\ann',
        CommandLine: 'schtasks /create /tn x',
      },
      {
        Image: 'C:\\Windows\\System32\\schtasks.exe',
        User: 'NT AUTHORITY\\SYSTEM',
        CommandLine: 'schtasks /run',
      },
      {
        Image: 'C:\\Windows\\System32\\schtasks.exe',
        User: 'CORP\\ann',
        CommandLine: 'schtasks /create /tn GoogleUpdateTask',
      },
    ],
    want: [true, false, false],
    hints: [
      '"not all of filter_*" only excludes an event that every filter matches.',
      'You want to exclude an event that any filter matches: not 1 of filter_*.',
    ],
    solution: rule(
      205,
      'Scheduled task created',
      "selection:\n    Image|endswith: '\\schtasks.exe'\nfilter_main_system:\n    User|contains: 'SYSTEM'\nfilter_optional_updater:\n    CommandLine|contains: 'GoogleUpdate'\ncondition: selection and not 1 of filter_*",
    ),
  },
]
