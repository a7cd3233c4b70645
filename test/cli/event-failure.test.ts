// `eval` never turns an engine failure into a verdict: the event is reported on stderr with its
// index and position, the other events are printed, and the exit status is 2.
import { describe, expect, test } from 'vitest'
import { join } from 'node:path'
import { runCli, tempFiles } from './run-cli.ts'
import { OVERFLOW_EVENTS, OVERFLOW_RULE } from '../fixtures/hostile-rules.ts'

const KEYWORD_RULE =
  'title: k\nlogsource: {category: test}\ndetection:\n  keywords: [needle]\n  condition: keywords\n'

describe('sigma-play eval and engine failures', () => {
  test('a failed event is on stderr with its index, the others on stdout, exit 2', () => {
    const dir = tempFiles({
      'rule.yml': OVERFLOW_RULE,
      'events.ndjson': OVERFLOW_EVENTS + '\n',
    })
    const { status, stdout, stderr } = runCli([
      'eval',
      '--rule',
      join(dir, 'rule.yml'),
      '--events',
      join(dir, 'events.ndjson'),
    ])
    expect(stdout.trimEnd().split('\n')).toEqual([
      '{"event":0,"match":true,"identifiers":{"sel":true}}',
      '{"event":2,"match":false,"identifiers":{"sel":false}}',
    ])
    expect(stderr).toMatch(
      /events\.ndjson:2:1 error INTERNAL The engine failed on event #1, so it has no verdict \(RangeError: /,
    )
    expect(status).toBe(2)
  })

  test('a keyword at the top of an event nested 100,000 deep matches (issue 14)', () => {
    const deep = `{"x":"needle","d":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`
    const dir = tempFiles({ 'rule.yml': KEYWORD_RULE, 'events.json': deep })
    const { status, stdout, stderr } = runCli([
      'eval',
      '--rule',
      join(dir, 'rule.yml'),
      '--events',
      join(dir, 'events.json'),
    ])
    expect(stderr).toBe('')
    expect(stdout).toBe('{"event":0,"match":true,"identifiers":{"keywords":true}}\n')
    expect(status).toBe(0)
  })
})
