/** Keywords (field-less values) and |expand placeholders. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

export const KEYWORDS: Example[] = [
  {
    id: 'keywords',
    title: 'Keywords: values without a field',
    topic: 'Keywords and placeholders',
    explain:
      'A list with no field name searches every value of the event, as a substring. Handy for log lines; slow and vague on structured events.',
    rule: exampleRule(
      80,
      'Keywords',
      'product: linux\nservice: auth',
      String.raw`
keywords:
    - 'Accepted publickey for root'
    - 'session opened for user root'
condition: keywords`,
    ),
    events: [
      { message: 'sshd[311]: Accepted publickey for root from 203.0.113.9 port 52311' },
      { message: 'sshd[312]: Accepted publickey for alice from 203.0.113.9 port 52312' },
    ],
    verdicts: [true, false],
  },
  {
    id: 'expand-placeholder',
    title: 'expand: %placeholders% filled in',
    topic: 'Keywords and placeholders',
    explain:
      'A |expand value names a placeholder that each organisation fills in (Options › Placeholders here, --placeholder in the CLI). This example fills %admin_users% with two names.',
    rule: exampleRule(
      81,
      'Placeholders',
      PROCESS,
      String.raw`
selection:
    Image|endswith: '\net.exe'
filter_admins:
    User|expand: '%admin_users%'
condition: selection and not filter_admins`,
    ),
    events: [
      { Image: 'C:\\Windows\\System32\\net.exe', User: 'CORP\\mallory' },
      { Image: 'C:\\Windows\\System32\\net.exe', User: 'CORP\\adm_ann' },
    ],
    verdicts: [true, false],
    options: { placeholders: { admin_users: ['CORP\\adm_ann', 'CORP\\adm_bob'] } },
  },
]
