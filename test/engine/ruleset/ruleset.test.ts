/**
 * RuleSet: the screen only skips rules that cannot match, so its hits equal evaluating every
 * rule alone. Written rules probe each kind of screen fact (string runs, numbers, field names,
 * expansions, flattening); the SigmaHQ corpus over its regression events checks it at scale.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { compileRule, parseEvents, RuleSet } from '../../../src/engine/index.ts'
import type { CompiledRule } from '../../../src/engine/index.ts'
import { corpusRuleFiles, readRegressionIndex, SIGMAHQ_DIR } from '../../corpus/corpus-files.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'
import { perRule } from './per-rule.ts'

function compile(detection: string): CompiledRule {
  const text = `title: t\nlogsource: {product: windows}\ndetection:\n${detection}\n`
  const { rule, diagnostics } = compileRule(text)
  if (!rule) throw new Error(JSON.stringify(diagnostics))
  return rule
}

const WRITTEN = [
  `  sel: {Image|endswith: '\\rundll32.exe', CommandLine|contains|all: [' -enc ', 'http']}\n  condition: sel`,
  `  sel: {EventID: 4624, LogonType: 3}\n  condition: sel`,
  `  sel: {Provider_Name: Microsoft-Windows-Security-Auditing}\n  condition: sel`,
  `  sel: {SomeField|re: '^a+$'}\n  condition: sel`,
  `  keywords: ['needle', 'other*thing']\n  condition: keywords`,
  `  sel: {CommandLine|windash|contains: ' -s '}\n  condition: sel`,
  `  sel: {CommandLine|base64offset|contains: 'secret'}\n  condition: sel`,
  `  sel: {Image|endswith: '\\a.exe'}\n  filter: {User: bob}\n  condition: sel and not filter`,
  `  sel: {Image: null}\n  condition: sel`,
  `  sel: {Image|cased: 'İstanbul'}\n  condition: sel`,
  `  a: {x: 1}\n  b: {y|contains: zz}\n  condition: 1 of a or b`,
  `  sel: {a.b|contains: xyz}\n  condition: sel`,
  `  sel: {Name|cased|contains: 'Σ'}\n  condition: sel`,
  `  sel: {Enabled: true, Port|gte: 1000}\n  condition: sel`,
  `  sel: {Target|exists: true}\n  condition: sel`,
  `  keywords: ['4624']\n  condition: keywords`,
  // Regexes: their required literal runs are needles (regex-needle.ts), in any case.
  `  sel: {CommandLine|re: '(?i)invoke-(expression|webrequest)\\s+HTTP'}\n  condition: sel`,
  `  sel: {CommandLine|re: 'ab?c[0-9]{2,}de|zz'}\n  condition: sel`,
  `  sel: {CommandLine|re|i: 'x+y{0,3}KELVIN'}\n  condition: sel`,
  // A code escape is one character: its hex digits are no needle.
  `  sel: {CommandLine|re: 'za\\x41bz'}\n  condition: sel`,
  // Misses of items that hold where their field is absent: each rule needs its fields there.
  `  filter_null: {Image: null}\n  filter_path: {Image|contains: '\\'}\n  condition: not 1 of filter_*`,
  `  sel: {User|neq: bob}\n  condition: not sel`,
  `  a: {Gone|exists: false}\n  b: {Other: [null, x]}\n  condition: not (a or b)`,
  `  a: {Gone|exists: false}\n  b: {Other: null}\n  condition: not (a and b)`,
  // A test that fails where its field is absent: its miss says nothing, the rule always runs.
  `  sel: {Ip|cidr: 10.0.0.0/8}\n  condition: not sel`,
]

const EVENTS: unknown[] = [
  { Image: 'C:\\Windows\\System32\\RUNDLL32.EXE', CommandLine: 'x -ENC y HTTP://z' },
  { EventID: '4.624e3', LogonType: '+03' },
  { EventID: 4624, LogonType: 3.0 },
  {
    Event: {
      System: { Provider: { '#attributes': { Name: 'Microsoft-Windows-Security-Auditing' } } },
    },
  },
  { 'Some Field': 'aaa' },
  { Event: { EventData: { 'Some Field': 'aaa' } } },
  { deep: [{ x: 'a NEEDLE b' }] },
  { CommandLine: 'tool /s x' },
  { CommandLine: Buffer.from('the secret is out').toString('base64') },
  { Image: 'c:\\a.exe', User: 'BOB' },
  { Other: 1 },
  { Image: 'İstanbul' },
  { x: '1', y: 'azzb' },
  { x: 2 },
  // Winlogbeat spells EventID event_id; Data names go through its own table.
  { winlog: { event_id: 4624, event_data: { LogonType: '3' } } },
  // Rounds to 4624 without holding its digits.
  { EventID: '4623.99999999999999999', LogonType: '3e0' },
  // Dotted paths: nested objects, a literal dotted key, and a key holding dots mid-path.
  { a: { b: 'XXYZZ' } },
  { 'a.b': 'xyz' },
  { a: { 'b.c': 'xyz' } },
  // Σ folds to ς at the end of a word: a cased match whose folded text lacks σ.
  { Name: 'ΑΣ' },
  { Enabled: 'TRUE', Port: '1e4' },
  { Target: null },
  { Target: { deep: 1 } },
  { Other: 4624 },
  { CommandLine: 'iwr; INVOKE-WebRequest   http://x' },
  { CommandLine: 'ac99de' },
  { CommandLine: 'zz' },
  { CommandLine: 'xxkelvin' },
  // The Kelvin sign folds to k but no ASCII-only regex matches it without the u flag.
  { CommandLine: 'x\u212aelvin' },
  { CommandLine: 'zaAbz' },
  // A field's values in arrays, nested, beside numbers and booleans: each element is searched.
  { Image: [true, ['C:\\Windows\\RUNDLL32.exe']], CommandLine: [7, ' -Enc ', ['HTTP:']] },
  { EventID: [[4624]], LogonType: [false, '3'], Port: ['1e4'], Enabled: [[true]] },
  { Image: 'noslash' },
  { User: 'BOB', Ip: '10.1.2.3' },
  { Gone: 1, Other: 'y' },
  { Other: null },
  { Ip: '192.168.1.1', Gone: [] },
  // Needles in the wrong field: a field-blind screen would evaluate these rules.
  { ParentImage: 'c:\\x\\rundll32.exe', Details: 'x -enc y http', EventID: 16, Data: 4624 },
]

test('written rules: the screened hits equal each rule alone, on every event', () => {
  const rules = WRITTEN.map(compile)
  const set = new RuleSet(rules)
  for (const event of EVENTS) expect(set.match(event).hits).toEqual(perRule(rules, event))
  // The screen is worth having: most of these rules are skipped for most events.
  const evaluated = EVENTS.reduce<number>((n, event) => n + set.candidates(event).length, 0)
  expect(evaluated).toBeLessThan((rules.length * EVENTS.length) / 2)
  // Only `Image: null` and `not` CIDR (both match where the field is absent) promise nothing.
  expect(set.stats.alwaysEvaluated).toBe(2)
  // A needle counts only in the field the rule reads: here only those two and the keyword
  // rule (4624 in any value) are left to evaluate.
  const wrongFields = EVENTS[EVENTS.length - 1]
  expect(set.candidates(wrongFields).map((i) => WRITTEN[i])).toEqual([
    WRITTEN[8],
    WRITTEN[15],
    WRITTEN[24],
  ])
})

test('a rule made of misses is screened by the fields its misses need', () => {
  const rules = WRITTEN.slice(20, 24).map(compile)
  const set = new RuleSet(rules)
  expect(set.stats.alwaysEvaluated).toBe(0)
  expect(set.candidates({ Image: 'noslash' })).toEqual([0])
  expect(set.candidates({ User: 'bob' })).toEqual([1])
  // `not (a or b)` needs both fields; `not (a and b)` needs either.
  expect(set.candidates({ Gone: 1 })).toEqual([3])
  expect(set.candidates({ Gone: 1, Other: 'y' })).toEqual([2, 3])
  for (const event of EVENTS) expect(set.match(event).hits).toEqual(perRule(rules, event))
  expect(set.match({ Image: 'noslash', User: 'BOB', Gone: 1, Other: 'y' }).hits).toEqual([
    0, 1, 2, 3,
  ])
})

test('a value met again is screened as the first time, and only in its own field', () => {
  const rules = WRITTEN.map(compile)
  const set = new RuleSet(rules)
  const first = EVENTS.map((event) => set.candidates(event))
  // Rule 0's two values, each in the other's field: remembered per field, they hold nothing.
  const swapped = { Image: 'x -ENC y HTTP://z', CommandLine: 'C:\\Windows\\System32\\RUNDLL32.EXE' }
  expect(set.candidates(swapped)).not.toContain(0)
  expect(set.match(swapped).hits).toEqual(perRule(rules, swapped))
  expect(EVENTS.map((event) => set.candidates(event))).toEqual(first)
  // More distinct values than a field remembers: it forgets them, and screens the same.
  for (let i = 0; i < 10_000; i++) set.candidates({ CommandLine: `tool ${i}`, Image: `x${i}` })
  expect(EVENTS.map((event) => set.candidates(event))).toEqual(first)
  for (const event of EVENTS) expect(set.match(event).hits).toEqual(perRule(rules, event))
  // Values that never came back rested the memory; while it rests, and once it remembers
  // again (the same values met over and over), every pass screens alike.
  for (let pass = 0; pass < 400; pass++)
    expect(EVENTS.map((event) => set.candidates(event))).toEqual(first)
})

describe('the SigmaHQ corpus over its regression events', readsCorpus, () => {
  test('every event: screened hits equal every rule evaluated alone', () => {
    const rules = corpusRuleFiles().flatMap((file) => {
      const { rule } = compileRule(readFileSync(file, 'utf8'))
      return rule ? [rule] : []
    })
    const set = new RuleSet(rules)
    const index = readRegressionIndex<{ events: string }>()
    const events = [...new Set(index.map((entry) => entry.events))].flatMap((file) =>
      parseEvents(readFileSync(join(SIGMAHQ_DIR, file), 'utf8')).events.map((r) => r.value),
    )
    expect(events.length).toBeGreaterThan(200)
    let hits = 0
    for (const event of events) {
      const expected = perRule(rules, event)
      expect(set.match(event).hits).toEqual(expected)
      hits += expected.length
    }
    expect(hits).toBeGreaterThan(events.length)
    expect(set.stats.alwaysEvaluated).toBeLessThan(rules.length / 100)
  }, 300_000)
})
