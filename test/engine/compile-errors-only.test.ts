/**
 * `compileRule(text, options, { warnings: false })`, which rule sets and `eval` use: the lints
 * are not run, and nothing else changes (the rule, its verdicts, its errors).
 */
import { describe, expect, test } from 'vitest'
import { compileRule, evaluate } from '../../src/engine/index.ts'
import { dedent } from '../helpers/dedent.ts'

// Warned about at every level: a missing description and author (rule), an unused search
// (identifiers), `all` on one value and a duplicated value (items), `not` alone (fires on {}).
const WARNED = dedent`
  title: Warned about
  logsource: {product: windows}
  detection:
      sel:
          Image|endswith|all: '\\cmd.exe'
          CommandLine|contains:
              - ' /c '
              - ' /c '
      unused: {User: x}
      condition: not sel
`

const EVENTS = [
  {},
  { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd /c whoami' },
  { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd /k whoami' },
  { Image: 'C:\\Windows\\explorer.exe' },
]

const codes = (text: string, warnings: boolean) =>
  compileRule(text, {}, { warnings }).diagnostics.map((d) => `${d.severity} ${d.code}`)

describe('compiling for errors only', () => {
  test('the lints are left out: rule, item and empty-event warnings alike', () => {
    expect(codes(WARNED, true)).toEqual(
      expect.arrayContaining([
        'warning ALL_SINGLE_VALUE',
        'warning DUPLICATE_VALUE',
        'warning UNUSED_IDENTIFIER',
        'warning MATCHES_EMPTY_EVENT',
      ]),
    )
    expect(codes(WARNED, false)).toEqual([])
  })

  test('the compiled rule gives the same verdicts and the same fingerprint', () => {
    const full = compileRule(WARNED)
    const quiet = compileRule(WARNED, {}, { warnings: false })
    expect(quiet.fingerprint).toBe(full.fingerprint)
    const verdicts = (r: typeof full) => EVENTS.map((e) => evaluate(r.rule!, e))
    expect(verdicts(quiet)).toEqual(verdicts(full))
    expect(verdicts(full)).toEqual([true, false, true, true])
  })

  test('any other mode, even a malformed one from plain JavaScript, keeps the warnings', () => {
    const full = codes(WARNED, true)
    for (const mode of [undefined, {}, { warnings: true }, null, 'quiet', { warnings: 0 }])
      expect(
        compileRule(WARNED, {}, mode as never).diagnostics.map((d) => `${d.severity} ${d.code}`),
      ).toEqual(full)
  })

  test('errors are the same, and a rule with errors still compiles to no rule', () => {
    const broken = WARNED.replace('|all', '|nosuchmodifier').replace('not sel', 'not sel and gone')
    const errors = (warnings: boolean) =>
      compileRule(broken, {}, { warnings }).diagnostics.filter((d) => d.severity === 'error')
    expect(errors(false).map((d) => d.code)).toEqual(['UNKNOWN_MODIFIER', 'UNDEFINED_IDENTIFIER'])
    expect(errors(false)).toEqual(errors(true))
    expect(compileRule(broken, {}, { warnings: false }).rule).toBeUndefined()
  })
})
