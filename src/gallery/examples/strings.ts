/** String modifiers: contains, startswith, endswith, all, windash. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

export const STRINGS: Example[] = [
  {
    id: 'contains-startswith-endswith',
    title: 'contains, startswith, endswith',
    topic: 'String modifiers',
    explain:
      'Without a modifier a value must equal the whole field. contains, startswith and endswith add the wildcards for you: *value*, value*, *value.',
    rule: exampleRule(
      40,
      'Position modifiers',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\reg.exe'
    CommandLine|startswith: 'reg save'
    CommandLine|contains: 'HKLM\SAM'
condition: selection`,
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\reg.exe', CommandLine: 'reg save HKLM\\SAM C:\\temp\\sam' },
      {
        Image: 'C:\\Windows\\System32\\reg.exe',
        CommandLine: 'C:\\Windows\\reg.exe save HKLM\\SAM sam',
      },
      { Image: 'C:\\Windows\\System32\\reg.exe.bak', CommandLine: 'reg save HKLM\\SAM sam' },
    ],
    verdicts: [true, false, false],
  },
  {
    id: 'contains-all',
    title: 'contains|all: every value, anywhere',
    topic: 'String modifiers',
    explain:
      'A list is OR, but |all turns it into AND: the command line must contain every value, in any order.',
    rule: exampleRule(
      41,
      'Contains all',
      PROCESS,
      String.raw`
selection:
    CommandLine|contains|all:
        - 'net'
        - ' user '
        - '/add'
condition: selection`,
    ),
    events: [{ CommandLine: 'net user backdoor P@ss /add' }, { CommandLine: 'net user backdoor' }],
    verdicts: [true, false],
  },
  {
    id: 'windash',
    title: 'windash: - or / (and other dashes)',
    topic: 'String modifiers',
    explain:
      'Windows tools accept /flag as well as -flag. |windash tries every dash form, so one value covers "-urlcache", "/urlcache" and the Unicode dashes.',
    rule: exampleRule(
      42,
      'Windash',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\certutil.exe'
    CommandLine|windash|contains: ' -urlcache '
condition: selection`,
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
    verdicts: [true, true, false],
  },
]
