/** Regular expressions: unanchored search, flags, and what case means there. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

export const REGEX: Example[] = [
  {
    id: 're',
    title: 're: a regular expression, searched',
    topic: 'Regular expressions',
    explain:
      'A |re value is searched anywhere in the field (add ^ and $ to anchor it) and, unlike plain values, it is case-sensitive.',
    rule: exampleRule(
      60,
      'Regular expression',
      PROCESS,
      String.raw`
selection:
    CommandLine|re: '\s-[eE][nN][cC]\s+[A-Za-z0-9+/=]{20,}'
condition: selection`,
    ),
    events: [
      { CommandLine: 'powershell.exe -enc SQBFAFgAIAAoAE4AZQB3AC0A' },
      { CommandLine: 'powershell.exe -enc short' },
    ],
    verdicts: [true, false],
  },
  {
    id: 're-flags',
    title: 're|i, re|m, re|s: regex flags',
    topic: 'Regular expressions',
    explain:
      '|i makes the regex ignore case; |m lets ^ and $ match at line breaks; |s lets . match a line break. Without |i, "mimikatz" does not find "MimiKatz".',
    rule: exampleRule(
      61,
      'Regex flags',
      PROCESS,
      String.raw`
selection_cased:
    CommandLine|re: 'mimikatz'
selection_ignore_case:
    ParentCommandLine|re|i: 'mimikatz'
condition: 1 of selection_*`,
    ),
    events: [
      { CommandLine: 'x', ParentCommandLine: 'C:\\tools\\MimiKatz.exe' },
      { CommandLine: 'C:\\tools\\MimiKatz.exe', ParentCommandLine: 'x' },
    ],
    verdicts: [true, false],
  },
]
