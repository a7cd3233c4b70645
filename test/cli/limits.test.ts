/**
 * Issue 14's smaller CLI items: symlink loops, device files, hostile option names, a slow regex,
 * UTF-16 and lone-CR rule files.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { dedent } from '../helpers/dedent.ts'
import { RULE } from './fixtures.ts'
import { runCli, runCliHeldStdin, tempFiles } from './run-cli.ts'

test('check: a folder linking to itself is one rule, two crossing loops finish', () => {
  const dir = tempFiles({ 'a/rule.yml': RULE })
  symlinkSync(join(dir, 'a'), join(dir, 'a/loop'))
  mkdirSync(join(dir, 'b'))
  symlinkSync(join(dir, 'a'), join(dir, 'b/to-a'))
  symlinkSync(join(dir, 'b'), join(dir, 'a/to-b'))
  const one = runCli(['check', join(dir, 'a')])
  expect(one.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 rule, 0 errors/)
  const both = runCli(['check', join(dir, 'a'), join(dir, 'b')])
  expect(both.status).toBe(0)
  expect(both.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 rule, 0 errors/)
})

test('check: a file linked twice and a folder reached through a link count once each', () => {
  const dir = tempFiles({ 'a/rule.yml': RULE, 'a/sub/two.yml': RULE })
  symlinkSync(join(dir, 'a/rule.yml'), join(dir, 'a/again.yml'))
  symlinkSync(join(dir, 'a'), join(dir, 'c'))
  // Through the link first: the real folder after it has nothing new.
  const { status, stdout } = runCli(['check', join(dir, 'c'), join(dir, 'a')])
  expect(status).toBe(0)
  expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 rules, 0 errors/)
})

test('check /dev/null is read (an empty rule), not "no such file"', () => {
  const { status, stdout, stderr } = runCli(['check', '/dev/null'])
  expect(stderr).not.toContain('no such file')
  expect(status).toBe(1)
  expect(stdout).toMatch(/^\/dev\/null:1:1 error /)
})

test('--placeholder __proto__=a is an ordinary placeholder, not a TypeError', () => {
  const dir = tempFiles({
    'rule.yml': dedent(`
      title: Proto
      logsource: {product: windows}
      detection:
          selection:
              User|expand: '%__proto__%'
          condition: selection
    `),
  })
  const args = ['eval', '--rule', join(dir, 'rule.yml'), '--events', '-']
  const { status, stdout, stderr } = runCli([...args, '--placeholder', '__proto__=a'], {
    input: '{"User":"A"}\n{"User":"b"}\n',
  })
  expect(stderr).toBe('')
  expect(status).toBe(0)
  expect(
    stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).match),
  ).toEqual([true, false])
})

const SLOW_RULE = dedent(`
  title: Slow regex
  logsource: {product: windows}
  detection:
      selection:
          Image: x.exe
      runaway:
          CommandLine|re: '(a+)+$'
      condition: selection or runaway
`)

test.each([
  // Small events run on the main thread first, under a short budget, then in the worker.
  ['--rule', 'a small file'],
  ['--rules', 'a small file'],
  ['--rule', 'stdin'],
  ['--rules', 'stdin'],
  // Stdin still open after the read-ahead goes to the worker straight away.
  ['--rule', 'stdin held open'],
  ['--rules', 'stdin held open'],
])(
  '%s with a runaway regex, events from %s: --timeout stops it, names the item and its line, exit 2',
  async (flag, source) => {
    const dir = tempFiles({ 'slow.yml': SLOW_RULE })
    // Characters past ASCII before the slow event: it is found by its bytes, not its text.
    const events = `{"CommandLine":"fïne — ok"}\n{"CommandLine":"${'a'.repeat(40)}!"}\n`
    writeFileSync(join(dir, 'events.ndjson'), events)
    const eventsArg = source === 'a small file' ? join(dir, 'events.ndjson') : '-'
    const args = ['eval', flag, join(dir, 'slow.yml'), '--events', eventsArg, '--timeout', '1']
    const started = Date.now()
    const { status, stderr } =
      source === 'stdin held open'
        ? await runCliHeldStdin(args, events)
        : runCli(args, { input: events })
    expect(status).toBe(2)
    expect(stderr).toBe(
      `sigma-play: error TIMEOUT event 1 took over 1 s in ${join(dir, 'slow.yml')}: runaway › CommandLine|re (line 7); stopped (--timeout SECONDS allows more)\n`,
    )
    // 2^40 steps would take days: the run was stopped, not finished.
    expect(Date.now() - started).toBeLessThan(50_000)
  },
)

test('check: a rule saved as UTF-16 (with or without a mark) or with lone CR line ends reads as written', () => {
  const dir = tempFiles({ 'cr.yml': RULE.replace(/\n/g, '\r') })
  const le = Buffer.from('\ufeff' + RULE, 'utf16le')
  const bare = Buffer.from(RULE, 'utf16le')
  const be = Buffer.from(le).swap16()
  for (const [name, bytes] of [
    ['le.yml', le],
    ['bare.yml', bare],
    ['be.yml', be],
  ] as const)
    writeFileSync(join(dir, name), bytes)
  for (const name of ['le.yml', 'bare.yml', 'be.yml', 'cr.yml']) {
    const { status, stdout } = runCli(['check', join(dir, name)])
    expect(stdout, name).toMatch(/^1 rule, 0 errors/m)
    expect(status, name).toBe(0)
  }
})
