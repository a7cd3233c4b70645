/**
 * RuleSet under `logsourceOnly`: each event is screened only against the rules of the
 * logsources it may belong to (logsource-routes.ts), and its hits still equal every rule
 * evaluated alone with the same options. Written rules cover each kind of route (category,
 * service, both, no judge, a pipeline that reads EventID elsewhere); the SigmaHQ corpus over
 * its regression events, and the same events moved to other logsources, checks it at scale.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { BUILTIN_PIPELINES, compileRule, parseEvents, RuleSet } from '../../../src/engine/index.ts'
import type { CompiledRule, EngineOptions } from '../../../src/engine/index.ts'
import { corpusRuleFiles, readRegressionIndex, SIGMAHQ_DIR } from '../../corpus/corpus-files.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'
import { perRule } from './per-rule.ts'

const ONLY: EngineOptions = { logsourceOnly: true }

function compile(logsource: string, detection: string, options = ONLY): CompiledRule {
  const text = `title: t\nlogsource: {${logsource}}\ndetection:\n${detection}\n`
  const { rule, diagnostics } = compileRule(text, options)
  if (!rule) throw new Error(JSON.stringify(diagnostics))
  return rule
}

const WHOAMI = `  sel: {Image|endswith: '\\whoami.exe'}\n  condition: sel`
const LOGSOURCES = [
  'product: windows, category: process_creation',
  'product: windows, category: network_connection',
  'product: windows, service: security',
  'product: windows, service: sysmon',
  'product: windows, category: process_creation, service: sysmon',
  'product: linux, category: process_creation',
  'product: windows, category: made_up',
  'product: windows',
]
const SYSMON = 'Microsoft-Windows-Sysmon/Operational'
const whoami = { Image: 'C:\\Windows\\System32\\whoami.exe' }
const EVENTS: unknown[] = [
  { ...whoami, EventID: 1, Channel: SYSMON },
  { ...whoami, EventID: 1 },
  { ...whoami, EventID: 3, Channel: SYSMON },
  { ...whoami, EventID: 4688, Channel: 'Security' },
  { ...whoami, EventID: '4688', Channel: 'SECURITY' },
  { ...whoami, EventID: 1, Channel: 'Security' },
  { ...whoami, Channel: SYSMON },
  { ...whoami, EventID: 4624 },
  whoami,
  {
    Event: {
      System: { EventID: 1, Channel: SYSMON, Provider: { '#attributes': { Name: 'Other' } } },
      EventData: whoami,
    },
  },
]

test('every kind of route: the hits equal each rule alone, and outside rules are not screened', () => {
  const rules = LOGSOURCES.map((logsource) => compile(logsource, WHOAMI))
  const set = new RuleSet(rules)
  for (const event of EVENTS) expect(set.match(event).hits).toEqual(perRule(rules, event))
  // A logon (4624, no channel) is outside every judged category; the services and linux cannot
  // be told without a channel, and nothing is known about a made-up category or none.
  expect(set.candidates(EVENTS[7])).toEqual([2, 3, 5, 6, 7])
  // Sysmon 3 is outside process_creation, the security service and linux (a Windows channel).
  expect(set.candidates(EVENTS[2])).toEqual([1, 3, 6, 7])
})

test('without logsourceOnly nothing is routed: every rule is screened', () => {
  const rules = LOGSOURCES.map((logsource) => compile(logsource, WHOAMI, {}))
  const set = new RuleSet(rules)
  expect(set.candidates(EVENTS[7])).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
})

test('rules reading the identity through a pipeline are routed by what they read', () => {
  const ecs = BUILTIN_PIPELINES.find((p) => p.id === 'ecs-windows')?.text ?? ''
  const options: EngineOptions = { ...ONLY, pipelines: [ecs] }
  const detection = `  sel: {Image|endswith: '\\whoami.exe'}\n  condition: sel`
  const rules = LOGSOURCES.slice(0, 3).map((logsource) => compile(logsource, detection, options))
  const set = new RuleSet(rules)
  const events = [
    { event: { code: '1' }, process: { executable: 'C:\\x\\whoami.exe' } },
    { event: { code: '4624' }, process: { executable: 'C:\\x\\whoami.exe' } },
    { EventID: 4624, process: { executable: 'C:\\x\\whoami.exe' } },
  ]
  for (const event of events) expect(set.match(event).hits).toEqual(perRule(rules, event))
  // ECS's event.code is the EventID: a logon is outside both categories.
  expect(set.candidates(events[1])).toEqual([2])
})

/** The event with its identity replaced (evtx System header), to reach other routes. */
function moved(event: unknown, eventId: number, channel: string | undefined): unknown {
  const copy = structuredClone(event) as { Event?: { System?: Record<string, unknown> } }
  const system = copy.Event?.System
  if (!system) return { ...(event as object), EventID: eventId, Channel: channel }
  system.EventID = eventId
  if (channel === undefined) delete system.Channel
  else system.Channel = channel
  return copy
}

describe('the SigmaHQ corpus over its regression events, routed', readsCorpus, () => {
  test('every event and its moves: routed hits equal every rule alone with logsourceOnly', () => {
    // Every other rule keeps the run short; the routes are the same kinds.
    const rules = corpusRuleFiles()
      .filter((_, i) => i % 2 === 0)
      .flatMap((file) => {
        const { rule } = compileRule(readFileSync(file, 'utf8'), ONLY)
        return rule ? [rule] : []
      })
    const set = new RuleSet(rules)
    const index = readRegressionIndex<{ events: string }>()
    const regression = [...new Set(index.map((entry) => entry.events))].flatMap((file) =>
      parseEvents(readFileSync(join(SIGMAHQ_DIR, file), 'utf8')).events.map((r) => r.value),
    )
    const moves: [number, string | undefined][] = [
      [4688, 'Security'],
      [1, 'Security'],
      [11, SYSMON],
      [4104, 'Microsoft-Windows-PowerShell/Operational'],
      [7045, undefined],
    ]
    const events = [
      ...regression,
      ...regression.flatMap((event, i) =>
        i % 4 === 0 ? moves.map(([id, c]) => moved(event, id, c)) : [],
      ),
    ]
    expect(regression.length).toBeGreaterThan(200)
    let hits = 0
    let screened = 0
    for (const event of events) {
      const expected = perRule(rules, event)
      expect(set.match(event).hits).toEqual(expected)
      hits += expected.length
      screened += set.candidates(event).length
    }
    expect(hits).toBeGreaterThan(regression.length / 2)
    // Routing and screening leave a few rules per event to evaluate.
    expect(screened / events.length).toBeLessThan(30)
  }, 300_000)
})
