/** `--logsource-only`: events outside the rule's logsource never match; without it, as before. */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const rundll = { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationIp: '8.8.8.8' }
const events = [
  { EventID: 3, ...rundll },
  { EventID: 4624, Channel: 'Security', ...rundll },
  { EventID: 1, ...rundll },
  rundll,
]
const dir = tempFiles({
  'rules/rule.yml': RULE,
  'events.ndjson': events.map((e) => JSON.stringify(e)).join('\n') + '\n',
})
const run = (...args: string[]) => runCli(['eval', '--events', join(dir, 'events.ndjson'), ...args])

test('a network_connection rule: only Sysmon 3 and events without an EventID stay in', () => {
  const rule = ['--rule', join(dir, 'rules/rule.yml'), '--count']
  expect(run(...rule).stdout).toBe('{"events":4,"matches":4}\n')
  const only = run(...rule, '--logsource-only')
  expect(only.stderr).toBe('')
  expect(only.stdout).toBe('{"events":4,"matches":2}\n')
  const lines = run('--rule', join(dir, 'rules/rule.yml'), '--logsource-only').stdout
  const matches = lines
    .trimEnd()
    .split('\n')
    .map((l) => (JSON.parse(l) as { match: boolean }).match)
  expect(matches).toEqual([true, false, false, true])
})

test('--rules --logsource-only gives the same hits as each rule alone', () => {
  const result = run('--rules', join(dir, 'rules'), '--logsource-only')
  const hits = result.stdout
    .trimEnd()
    .split('\n')
    .map((l) => (JSON.parse(l) as { event: number }).event)
  expect(hits).toEqual([0, 3])
})
