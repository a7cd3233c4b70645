// The first screen's promises, checked with the real engine: the rule is issue 3's text, and each
// sample event shows the part of the rule it was written for.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileRule, parseEvents } from '../../src/engine/index.ts'
import { SIGMAHQ_DIR } from '../corpus/corpus-files.ts'
import { readsCorpus } from '../corpus/corpus-test.ts'
import { verdict } from '../helpers/judge.ts'
import {
  DEFAULT_EVENT_LIST,
  DEFAULT_EVENTS,
  DEFAULT_EXPECTATIONS,
} from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'

const compiled = compileRule(DEFAULT_RULE)
const rule = compiled.rule
const events = parseEvents(DEFAULT_EVENTS)
const verdicts = events.events.map((e) => (rule ? verdict(rule, e.value) : undefined))
const FILTERS = [
  'filter_main_local_ranges',
  'filter_main_ms_ranges',
  'filter_main_app_sdb',
  'filter_main_azure_managed',
  'filter_main_svchost_update_processes',
]

describe('default rule', () => {
  it('compiles without errors or warnings', () => {
    expect(compiled.diagnostics).toEqual([])
    expect(rule).toBeDefined()
    expect(compiled.identifiers.map((i) => i.name)).toEqual(['selection', ...FILTERS])
  })

  it('is the SigmaHQ rule with the one tag issue 3 changes', readsCorpus, () => {
    const sigmahq = readFileSync(
      join(
        SIGMAHQ_DIR,
        'rules/windows/network_connection/net_connection_win_rundll32_net_connections.yml',
      ),
      'utf8',
    )
    expect(DEFAULT_RULE.replace('attack.defense-evasion', 'attack.stealth').trim()).toBe(
      sigmahq.trim(),
    )
    expect(DEFAULT_RULE).toContain('    - attack.defense-evasion\n')
  })

  it('names its author', () => {
    expect(compiled.meta.author).toBe('Florian Roth (Nextron Systems)')
  })
})

describe('default events', () => {
  it('parse as one JSON array of Sysmon network connections', () => {
    expect(events.diagnostics).toEqual([])
    expect(events.format).toBe('array')
    expect(events.events).toHaveLength(DEFAULT_EVENT_LIST.length)
    for (const e of DEFAULT_EVENT_LIST) expect(e.EventID).toBe(3)
  })

  it('give the verdict each was written for', () => {
    expect(verdicts.map((v) => v?.match)).toEqual(DEFAULT_EXPECTATIONS.map((e) => e.match))
  })

  it('include a true positive: rundll32 to a public address', () => {
    const hits = verdicts.flatMap((v, i) => (v?.match ? [DEFAULT_EVENT_LIST[i]] : []))
    expect(hits.length).toBeGreaterThanOrEqual(1)
    for (const hit of hits) expect(hit?.Image.toLowerCase()).toMatch(/\\rundll32\.exe$/)
  })

  it.each(FILTERS)('%s excludes at least one rundll32 event, and alone', (filter) => {
    const excluded = verdicts.filter(
      (v) =>
        v?.identifiers.selection === true &&
        !v.match &&
        FILTERS.every((f) => v.identifiers[f] === (f === filter)),
    )
    expect(excluded.length).toBeGreaterThanOrEqual(1)
  })

  it('exclude each case the issue lists', () => {
    const byFilter = (i: number) =>
      verdicts[i]?.identifiers[DEFAULT_EXPECTATIONS[i]?.decidedBy ?? '']
    const find = (test: (e: (typeof DEFAULT_EVENT_LIST)[number]) => boolean) =>
      DEFAULT_EVENT_LIST.findIndex(test)
    const privateV4 = find((e) =>
      /^10\.|^192\.168\.|^172\.(1[6-9]|2\d|3[01])\./.test(e.DestinationIp),
    )
    const linkLocal = find((e) => e.DestinationIp.toLowerCase().startsWith('fe80:'))
    const microsoft = find((e) => e.DestinationIp.startsWith('20.'))
    const pcaSvc = find((e) => e.CommandLine.endsWith('\\system32\\PcaSvc.dll,PcaPatchSdbTask'))
    const azure = find((e) => e.SourceHostname.endsWith('.internal.cloudapp.net'))
    const svchost443 = find(
      (e) => e.ParentImage.endsWith('\\svchost.exe') && e.DestinationPort === 443,
    )
    for (const index of [privateV4, linkLocal, microsoft, pcaSvc, azure, svchost443]) {
      expect(index).toBeGreaterThanOrEqual(0)
      expect(verdicts[index]?.match).toBe(false)
      expect(byFilter(index)).toBe(true)
    }
  })

  it('include one event that is not rundll32 at all', () => {
    const others = verdicts.filter((v) => v?.identifiers.selection === false)
    expect(others).toHaveLength(1)
    const index = verdicts.findIndex((v) => v?.identifiers.selection === false)
    expect(DEFAULT_EVENT_LIST[index]?.Image).not.toMatch(/rundll32/i)
  })
})
