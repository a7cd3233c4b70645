/** `eval --explain` says why a rule field never matched: missing fields and near-miss values. */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const dir = tempFiles({
  'rule.yml': RULE,
  'events.ndjson':
    [
      { process: { executable: 'C:\\Windows\\System32\\rundll32.exe' }, DestinationIp: '8.8.8.8' },
      { Image: 'C:/Windows/System32/rundll32.exe', DestinationIp: '8.8.8.8' },
      { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationIp: '8.8.8.8' },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n') + '\n',
})

test('--explain carries the misses of events that do not match', () => {
  const result = runCli([
    'eval',
    '--rule',
    join(dir, 'rule.yml'),
    '--events',
    join(dir, 'events.ndjson'),
    '--explain',
  ])
  expect(result.stderr).toBe('')
  const lines = result.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { match: boolean; misses?: string[] })
  expect(lines.map((l) => l.misses)).toEqual([
    [
      '`Image` is missing; this event has `process.executable` — use the Elastic Common Schema for Windows pipeline?',
    ],
    ["Image 'C:/Windows/System32/rundll32.exe' writes the path with / where the rule has \\"],
    undefined,
  ])
})
