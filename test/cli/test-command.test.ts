// `sigma-play test`: SigmaHQ regression tests, found by folder, rules found by id. Runs the
// command in-process with the real file system (the bundled binary is the cli area's build).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeIo } from '../../src/cli/io.ts'
import { runTest } from '../../src/cli/test-command.ts'
import { SIGMAHQ_DIR } from '../corpus/corpus-files.ts'
import { readsCorpus } from '../corpus/corpus-test.ts'
import { tempFiles } from './run-cli.ts'

function run(argv: string[]) {
  let out = ''
  let err = ''
  const io = { ...nodeIo, out: (t: string) => void (out += t), err: (t: string) => void (err += t) }
  return { status: runTest(argv, io), out, err }
}

const RULE = `title: Whoami
id: 11111111-2222-4333-8444-555555555555
logsource: {category: process_creation, product: windows}
detection:
    selection:
        Image|endswith: '\\\\whoami.exe'
    condition: selection
level: low
`
const info = (count: string) => `id: 99999999-2222-4333-8444-555555555555
rule_metadata:
    - id: 11111111-2222-4333-8444-555555555555
      title: Whoami
regression_tests_info:
    - name: Positive Detection Test
      type: evtx
${count}      path: regression_data/rules/whoami/11111111-2222-4333-8444-555555555555.evtx
`
const EVENTS = JSON.stringify([
  { Image: 'C:\\Windows\\System32\\whoami.exe' },
  { Image: 'C:\\x\\cmd.exe' },
])

function repo(count: string) {
  return tempFiles({
    'rules/whoami.yml': RULE,
    'regression_data/rules/whoami/info.yml': info(count),
    'regression_data/rules/whoami/11111111-2222-4333-8444-555555555555.json': EVENTS,
  })
}

describe('sigma-play test', () => {
  it('passes when at least match_count events match, finding the rule in rules* by id', () => {
    const dir = repo('      match_count: 1\n')
    const result = run([join(dir, 'regression_data')])
    expect(result.out).toMatch(
      /^ok {3}.*info\.yml: Positive Detection Test \(1 of 2 events matched, wanted at least 1\)$/m,
    )
    expect(result.out.endsWith('1 passed, 0 failed\n')).toBe(true)
    expect(result.status).toBe(0)
  })

  it('fails with exit 1 and the trace of the first event that did not match', () => {
    const dir = repo('      match_count: 2\n')
    const result = run(['--rules', join(dir, 'rules'), join(dir, 'regression_data')])
    expect(result.out).toMatch(/^FAIL .*\(1 of 2 events matched, wanted at least 2; rule /m)
    expect(result.out).toContain('     event 1: selection failed on Image: C:\\x\\cmd.exe')
    expect(result.out).toMatch(/^ {5}trace: \[\{"type":"ref","name":"selection"/m)
    expect(result.out.endsWith('0 passed, 1 failed\n')).toBe(true)
    expect(result.status).toBe(1)
  })

  it('names a missing rule and bad arguments plainly', () => {
    const dir = repo('')
    const missing = run(['--rules', join(dir, 'regression_data'), join(dir, 'regression_data')])
    expect(missing.out).toContain('no rule with id 11111111-2222-4333-8444-555555555555')
    expect(missing.status).toBe(1)
    expect(run([]).status).toBe(2)
    expect(run([join(dir, 'nope')]).err).toContain('no such file or directory')
  })

  it(
    'passes all 202 SigmaHQ regression tests in the corpus',
    { ...readsCorpus, timeout: 120_000 },
    () => {
      const result = run([join(SIGMAHQ_DIR, 'regression_data')])
      expect(result.out.endsWith('202 passed, 0 failed\n')).toBe(true)
      expect(result.status).toBe(0)
    },
  )
})
