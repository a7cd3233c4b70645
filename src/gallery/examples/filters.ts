/** Sigma filter documents: tuning a rule without editing it. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

const RULE = exampleRule(
  90,
  'Whoami run',
  PROCESS,
  String.raw`
selection:
    Image|endswith: '\whoami.exe'
condition: selection`,
)

export const FILTERS: Example[] = [
  {
    id: 'filter-document',
    title: 'A filter document beside the rule',
    topic: 'Filters',
    explain:
      'A second YAML document (after ---) with a filter: section names the rule it tunes and adds its condition with AND. The rule stays untouched; the admins are excluded.',
    rule: `${RULE}---
title: Admins may run whoami
name: filter_admins_whoami
logsource:
    product: windows
filter:
    rules:
        - 6a1f3c00-0000-4000-8000-000000000090
    selection:
        User|startswith: 'CORP\\adm_'
    condition: not selection
`,
    events: [
      { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\alice' },
      { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\adm_bob' },
    ],
    verdicts: [true, false],
  },
]
