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
  {
    id: 'filter-any-by-name',
    title: 'A filter for any rule, by the rule’s name',
    topic: 'Filters',
    explain:
      'rules: any applies the filter to every rule whose logsource contains the filter’s (here product: windows), a single string names one rule by id or name. The filter’s own `1 of them` sees only its two identifiers, never the rule’s.',
    rule: `${RULE.replace('status: test', 'name: whoami_run\nstatus: test')}---
title: Service accounts and the help desk may run whoami
name: filter_service_accounts
logsource:
    product: windows
filter:
    rules: any
    service_account:
        User|endswith: '$'
    help_desk:
        User|startswith: 'CORP\\hd_'
    condition: not 1 of them
---
title: Whoami from the build agent is expected
name: filter_build_agent
logsource:
    category: process_creation
filter:
    rules: whoami_run
    build_agent:
        ParentImage|endswith: '\\agent.exe'
    condition: not build_agent
`,
    events: [
      {
        Image: 'C:\\Windows\\System32\\whoami.exe',
        User: 'CORP\\alice',
        ParentImage: 'C:\\Windows\\explorer.exe',
      },
      {
        Image: 'C:\\Windows\\System32\\whoami.exe',
        User: 'CORP\\WS01$',
        ParentImage: 'C:\\Windows\\explorer.exe',
      },
      {
        Image: 'C:\\Windows\\System32\\whoami.exe',
        User: 'CORP\\hd_eve',
        ParentImage: 'C:\\Windows\\explorer.exe',
      },
      {
        Image: 'C:\\Windows\\System32\\whoami.exe',
        User: 'CORP\\bob',
        ParentImage: 'D:\\ci\\agent.exe',
      },
    ],
    verdicts: [true, false, false, false],
  },
  {
    id: 'filter-not-applied',
    title: 'A filter that applies to nothing says why',
    topic: 'Filters',
    explain:
      'A filter applies only where its logsource is contained in the rule’s: this one says product: linux, the rule is for windows, so it applies to nothing. The rule editor warns on the filter and says why; adm_bob still matches.',
    rule: `${RULE}---
title: Admins may run whoami on Linux
name: filter_linux_admins
logsource:
    product: linux
filter:
    rules: any
    selection:
        User|startswith: 'CORP\\adm_'
    condition: not selection
`,
    events: [
      { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\alice' },
      { Image: 'C:\\Windows\\System32\\whoami.exe', User: 'CORP\\adm_bob' },
      { Image: 'C:\\Windows\\System32\\hostname.exe', User: 'CORP\\adm_bob' },
    ],
    verdicts: [true, true, false],
  },
]
