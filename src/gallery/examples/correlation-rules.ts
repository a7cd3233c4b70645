/**
 * The detection rules and timed events the correlation examples count. Each rule is written
 * once and named (`name:`), as correlations refer to rules by name.
 */
import { exampleRule, NETWORK, PROCESS } from '../example.ts'

const SECURITY = 'product: windows\nservice: security'

const named = (rule: string, name: string) =>
  rule.replace('status: test', `name: ${name}\nstatus: test`)

export const FAILED_LOGIN = named(
  exampleRule(120, 'Failed logon', SECURITY, 'selection:\n    EventID: 4625\ncondition: selection'),
  'failed_login',
)

export const SUCCESSFUL_LOGIN = named(
  exampleRule(
    121,
    'Successful logon',
    SECURITY,
    'selection:\n    EventID: 4624\ncondition: selection',
  ),
  'successful_login',
)

export const WHOAMI = named(
  exampleRule(
    122,
    'Whoami run',
    PROCESS,
    "selection:\n    Image|endswith: '\\whoami.exe'\ncondition: selection",
  ),
  'whoami_run',
)

export const NET_GROUP = named(
  exampleRule(
    123,
    'Net group run',
    PROCESS,
    "selection:\n    Image|endswith: '\\net.exe'\n    CommandLine|contains: ' group'\ncondition: selection",
  ),
  'net_group_run',
)

export const UPLOAD = named(
  exampleRule(
    124,
    'Outbound connection',
    NETWORK,
    "selection:\n    Initiated: 'true'\ncondition: selection",
  ),
  'outbound',
)

/** `2024-05-01T10:MM:SSZ`, `seconds` after ten o'clock. */
export const at = (seconds: number): string =>
  new Date(Date.UTC(2024, 4, 1, 10, 0, seconds)).toISOString().replace('.000Z', 'Z')

export const logon = (seconds: number, EventID: number, User: string, extra: object = {}) => ({
  '@timestamp': at(seconds),
  EventID,
  User,
  ...extra,
})

export const processRun = (seconds: number, exe: string, Computer: string, CommandLine = exe) => ({
  '@timestamp': at(seconds),
  Image: `C:\\Windows\\System32\\${exe}`,
  CommandLine,
  Computer,
})

export const upload = (seconds: number, User: string, SentBytes: number, Initiated = 'true') => ({
  '@timestamp': at(seconds),
  Initiated,
  User,
  SentBytes,
})

/** A correlation document: a header, then the `correlation:` body indented. */
export function correlationDoc(title: string, name: string, body: string): string {
  const indented = body
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')
  return `title: ${title}\nname: ${name}\nstatus: test\ncorrelation:\n${indented}\nlevel: high\n---\n`
}
