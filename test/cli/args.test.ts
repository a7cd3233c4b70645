import { expect, test } from 'vitest'
import { parseCliArgs } from '../../src/cli/args.ts'

test('eval with every option', () => {
  const parsed = parseCliArgs([
    'eval',
    '--rule',
    'r.yml',
    '--events',
    '-',
    '--explain',
    '--placeholder',
    'admins=alice,bob',
    '--placeholder',
    '%admins%=carol',
    '--field-map',
    'Image=NewProcessName',
    '--no-flatten',
    '--filter',
    'f1.yml',
    '--filter',
    'f2.yml',
    '--time-field',
    'when',
    '--pipeline',
    'ecs.yml',
    '--pipeline',
    'builtin:winlogbeat',
    '--stats',
  ])
  expect(parsed).toEqual({
    args: {
      command: 'eval',
      rules: ['r.yml'],
      many: false,
      events: '-',
      output: 'explain',
      timeoutMs: 5000,
      stats: true,
      filters: ['f1.yml', 'f2.yml'],
      timeField: 'when',
      pipelines: ['ecs.yml', 'builtin:winlogbeat'],
      engine: {
        placeholders: { admins: ['alice', 'bob', 'carol'] },
        fieldMap: { Image: 'NewProcessName' },
        flattenEvtx: false,
      },
    },
  })
})

test('check takes several paths', () => {
  expect(parseCliArgs(['check', 'a', 'b/'])).toEqual({
    args: { command: 'check', paths: ['a', 'b/'], engine: {} },
  })
})

test.each([
  [['eval', '--rule', 'r.yml', '--events', 'e', '--explain', '--count']],
  [['eval', '--rule', 'r.yml', '--events', 'e', 'extra']],
  [['eval', '--rule', '--events', 'e']],
  [['eval', '--events', 'e']],
  [['eval', '--rule', 'r.yml', '--events', 'e', '--placeholder', 'novalue']],
  [['check', '--what']],
  [['nope']],
])('%j is an error', (argv) => {
  expect(parseCliArgs(argv)).toHaveProperty('error')
})

test('--help anywhere', () => {
  expect(parseCliArgs(['--help'])).toEqual({ args: { command: 'help' } })
  expect(parseCliArgs(['eval', '--help'])).toEqual({ args: { command: 'help' } })
})
