/**
 * Events generated from a rule: the first matches, each edge event shows what its label says,
 * and every `expect` is the verdict of the fast path on the event after a JSON round trip
 * (a different code path from the verdict the generator checks with).
 */
import { describe, expect, test } from 'vitest'
import {
  compileRule,
  evaluate,
  generateEvents,
  type EngineOptions,
} from '../../../src/engine/index.ts'
import { DEFAULT_RULE } from '../../../src/ui/defaults/rule.ts'
import { dedent } from '../../helpers/dedent.ts'

function generated(text: string, options: EngineOptions = {}) {
  const result = generateEvents(text, options)
  const rule = compileRule(text, options).rule
  if (!rule) throw new Error('fixture rule does not compile')
  for (const e of result.events)
    expect(evaluate(rule, JSON.parse(JSON.stringify(e.event))), e.label).toBe(e.expect)
  return result
}

const labels = (text: string, options?: EngineOptions) =>
  generated(text, options).events.map((e) => e.label)

const rule = (detection: string) =>
  `title: t\nlogsource: {product: windows}\ndetection:\n${detection}`

describe('generateEvents', () => {
  test('the default rule: a match, each selection item one step off, each filter excluding and just missed', () => {
    const { events } = generated(DEFAULT_RULE)
    expect(events[0]).toEqual({
      label: 'matches: selection',
      expect: true,
      event: { Image: '\\rundll32.exe', Initiated: 'true' },
    })
    const byLabel = new Map(events.map((e) => [e.label, e]))
    expect(
      byLabel.get("one character off selection › Image|endswith '\\rundll32.exe'")?.event.Image,
    ).toBe('\\rundll32.exf')
    expect(byLabel.get('excluded by filter_main_local_ranges')?.expect).toBe(false)
    expect(
      byLabel.get("just outside filter_main_local_ranges › DestinationIp|cidr '127.0.0.0/8'"),
    ).toMatchObject({
      expect: true,
      event: { DestinationIp: '128.0.0.0' },
    })
    expect(
      byLabel.get('just outside filter_main_svchost_update_processes › DestinationPort 443')?.event
        .DestinationPort,
    ).toBe(444)
  })

  test('contains|all puts every value in the field; a regex gets a string it finds', () => {
    const { events } = generated(
      rule(
        dedent`
          selection:
              CommandLine|contains|all: [' -enc ', 'bypass']
              Hashes|re: 'MD5=[0-9A-F]{32}'
          condition: selection
      `.replace(/^/gm, '    '),
      ),
    )
    expect(events[0]?.expect).toBe(true)
    expect(String(events[0]?.event.CommandLine)).toContain(' -enc ')
    expect(String(events[0]?.event.CommandLine)).toContain('bypass')
    expect(events[0]?.event.Hashes).toMatch(/MD5=[0-9A-F]{32}/)
  })

  test('encodings and windash: the event holds the encoded or dashed form the matcher looks for', () => {
    const { events } = generated(
      rule(
        "    selection:\n        CommandLine|base64offset|contains: 'IEX'\n        ParentCommandLine|windash|contains: ' -nop '\n    condition: selection\n",
      ),
    )
    expect(events[0]?.expect).toBe(true)
    expect(events[0]?.event.CommandLine).not.toContain('IEX')
  })

  test('a null filter: the match carries the field so the filter stays false', () => {
    const { events } = generated(
      rule(
        "    selection:\n        Image|endswith: '\\\\a.exe'\n    filter_main_null:\n        CommandLine: null\n    condition: selection and not filter_main_null\n",
      ),
    )
    expect(events[0]?.expect).toBe(true)
    expect(events[0]?.event).toHaveProperty('CommandLine')
    expect(
      events.find((e) => e.label === 'excluded by filter_main_null')?.event,
    ).not.toHaveProperty('CommandLine')
  })

  test('numbers, exists, keywords and field references', () => {
    expect(
      labels(
        rule(
          '    selection:\n        EventID|gt: 4000\n        User|exists: true\n    condition: selection\n',
        ),
      ),
    ).toEqual([
      'matches: selection',
      'just past selection › EventID|gt 4000',
      'the opposite of selection › User|exists true',
    ])
    const keywords = generated(
      rule('    keywords:\n        - mimikatz\n    condition: keywords\n'),
    ).events
    expect(keywords[0]?.event).toEqual({ message: 'mimikatz' })
    const ref = generated(
      rule('    selection:\n        TargetUser|fieldref: SubjectUser\n    condition: selection\n'),
    ).events
    expect(ref[0]?.event.TargetUser).toBe(ref[0]?.event.SubjectUser)
  })

  test('1 of selection_*: every selection that can fire alone gets its own match', () => {
    const events = generated(
      rule(
        '    selection_a:\n        Image: a.exe\n    selection_b:\n        Image: b.exe\n    condition: 1 of selection_*\n',
      ),
    ).events
    expect(
      events.filter((e) => e.expect && e.label.startsWith('matches')).map((e) => e.label),
    ).toEqual(['matches: selection_a', 'matches: selection_b'])
  })

  test('says why when it cannot', () => {
    expect(generateEvents('title: broken\ndetection: {}\n').problem).toMatch(/The rule has errors/)
    const never = generateEvents(
      rule('    selection:\n        A: x\n    condition: selection and not selection\n'),
    )
    expect(never.events).toEqual([])
    expect(never.problem).toMatch(/No combination/)
    const regex = generateEvents(
      rule("    selection:\n        A|re: '(?<=x)\\\\p{L}'\n    condition: selection\n"),
    )
    expect(regex.problem).toMatch(/Cannot generate a value for A\|re \(line 5\)/)
  })
})
