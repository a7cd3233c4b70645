/** `sigma-play generate`, run as a subprocess: JSON lines of labelled events, exit 2 when it cannot. */
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { BROKEN_RULE, RULE } from './fixtures.ts'
import { runCli, tempFiles } from './run-cli.ts'

const dir = tempFiles({
  'rule.yml': RULE,
  'broken.yml': BROKEN_RULE,
  'never.yml':
    'title: never\nlogsource: {product: windows}\ndetection:\n  a: {X: 1}\n  condition: a and not a\n',
})

test('prints one labelled, checked event per line, the first a match', () => {
  const { status, stdout } = runCli(['generate', '--rule', join(dir, 'rule.yml')])
  expect(status).toBe(0)
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines.length).toBeGreaterThan(2)
  expect(lines[0]).toMatchObject({ label: 'matches: selection', expect: true })
  for (const line of lines) expect(Object.keys(line)).toEqual(['label', 'expect', 'event'])
  expect(lines.some((l) => l.expect === false)).toBe(true)
})

test('a rule with errors, or one nothing can match, exits 2 with the reason', () => {
  const broken = runCli(['generate', '--rule', join(dir, 'broken.yml')])
  expect(broken.status).toBe(2)
  expect(broken.stderr).toMatch(/broken\.yml:\d+:\d+ error/)
  const never = runCli(['generate', '--rule', join(dir, 'never.yml')])
  expect(never.status).toBe(2)
  expect(never.stderr).toMatch(/cannot generate events .*No combination/)
  expect(never.stdout).toBe('')
})
