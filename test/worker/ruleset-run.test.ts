// The rule-set run gives, for every rule, exactly the hits the page's own analysis gives that
// rule alone over the same events and options; errors are listed and never stop the run.
import { describe, expect, it } from 'vitest'
import type { EngineOptions } from '../../src/engine/index.ts'
import { Analyzer } from '../../src/worker/analyzer.ts'
import { rowAt } from '../../src/worker/rows.ts'
import { runRuleSet, runRuleSetNow } from '../../src/worker/ruleset-run.ts'
import type { RuleSetRequest } from '../../src/worker/ruleset-protocol.ts'
import { RULESET_EVENTS, RULESET_FILES, RULESET_HITS } from '../fixtures/ruleset-rules.ts'

const FILES = Object.entries(RULESET_FILES).map(([path, text]) => ({ path, text }))

/** Each rule alone, the way the page evaluates the rule editor's text. */
function alone(text: string, events: string, options: EngineOptions) {
  const analyzer = new Analyzer()
  analyzer.setEvents(events)
  analyzer.setRule(text, options)
  const result = analyzer.analyze(0)
  let firstHit = -1
  for (let i = 0; result.compiled && i < result.counts.events && firstHit < 0; i++)
    if (rowAt(result.rows, i)?.match) firstHit = i
  return { compiled: result.compiled, hits: result.counts.matches, firstHit }
}

function expectSameAsAlone(request: RuleSetRequest) {
  const result = runRuleSetNow(request)
  const byFile = new Map(result.rules.map((r) => [r.file, r]))
  request.files.forEach((file, i) => {
    const single = alone(file.text, request.events, request.options)
    const ran = byFile.get(i)
    if (!single.compiled) return expect(ran, file.path).toBeUndefined()
    expect({ hits: ran?.hits, firstHit: ran?.firstHit }, file.path).toEqual({
      hits: single.hits,
      firstHit: single.firstHit,
    })
  })
  return result
}

describe('runRuleSet', () => {
  it('counts each rule’s hits as the page does for that rule alone', () => {
    const result = expectSameAsAlone({ files: FILES, events: RULESET_EVENTS, options: {} })
    const hits = Object.fromEntries(result.rules.map((r) => [r.path, r.hits]))
    expect(hits).toEqual(RULESET_HITS)
    expect(result.events).toBe(8)
    const whoami = result.rules.find((r) => r.path === 'whoami.yml')
    expect(whoami).toMatchObject({
      key: '6f3e2987-db24-4c78-a860-b4f4095a7095',
      title: 'Whoami',
      level: 'low',
      firstHit: 0,
    })
  })

  it('lists a rule with errors with its position and skips filter-only files, running the rest', () => {
    const result = runRuleSetNow({ files: FILES, events: RULESET_EVENTS, options: {} })
    expect(result.errors).toEqual([
      {
        file: 5,
        path: 'broken.yml',
        position: expect.stringMatching(/^\d+:\d+$/),
        message: expect.stringContaining('filter_missing'),
      },
    ])
    expect(result.skipped).toBe(1)
    expect(result.rules).toHaveLength(5)
  })

  it('compiles with the page’s options: field mappings and the events’ shape pipeline', () => {
    // Security 4688 names the process NewProcessName; ECS events carry process.executable.
    const mapped = RULESET_EVENTS.replaceAll('"Image"', '"NewProcessName"')
    const withMap = expectSameAsAlone({
      files: FILES,
      events: mapped,
      options: { fieldMap: { Image: 'NewProcessName' } },
    })
    expect(withMap.rules.find((r) => r.path === 'whoami.yml')?.hits).toBe(2)
    const ecs = JSON.stringify([
      { ecs: { version: '8.0' }, process: { executable: 'C:\\Windows\\System32\\whoami.exe' } },
      {
        ecs: { version: '8.0' },
        process: {
          executable: 'C:\\Windows\\System32\\certutil.exe',
          command_line: 'certutil -urlcache http://a',
        },
      },
    ])
    const shaped = expectSameAsAlone({ files: FILES, events: ecs, options: {} })
    expect(shaped.rules.filter((r) => r.hits > 0).map((r) => r.path)).toEqual([
      'whoami.yml',
      'lolbins/certutil.yml',
    ])
  })

  it('leaves out the files it is told to skip', () => {
    const result = runRuleSetNow({ files: FILES, events: RULESET_EVENTS, options: {}, skip: [0] })
    expect(result.rules.map((r) => r.path)).not.toContain('whoami.yml')
  })

  it('reports progress through parse, compile and evaluate, and announces rules when traced', () => {
    const announced: string[] = []
    const steps = runRuleSet(
      { files: FILES, events: RULESET_EVENTS, options: {}, trace: { from: 2, count: 1 } },
      (file, event) => announced.push(`${FILES[file]?.path}@${event}`),
    )
    const phases = new Set<string>()
    let last
    for (let step = steps.next(); !step.done; step = steps.next()) {
      phases.add(step.value.phase)
      last = step.value
    }
    expect([...phases]).toEqual(['parse', 'compile', 'evaluate'])
    expect(last).toEqual({
      phase: 'evaluate',
      rulesDone: 7,
      rulesTotal: 7,
      eventsDone: 8,
      eventsTotal: 8,
    })
    // Event 2 is an encoded PowerShell run: the screen lets only that rule through.
    expect(announced).toEqual(['powershell/encoded.yml@2'])
  })
})
