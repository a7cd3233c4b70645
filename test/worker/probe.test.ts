// The probe splits a rule into its field items (with their source ranges) and runs each alone.
import { describe, expect, it } from 'vitest'
import { parseEvents } from '../../src/engine/index.ts'
import { ruleParts, runProbe } from '../../src/worker/probe.ts'
import type { RulePart } from '../../src/worker/protocol.ts'
import { DEFAULT_EVENTS } from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'
import { dedent } from '../helpers/dedent.ts'

describe('ruleParts', () => {
  it('lists every field item of every identifier with its range', () => {
    const parts = ruleParts(DEFAULT_RULE)
    expect(parts.map((p) => `${p.identifier} › ${p.item}`)).toEqual([
      'selection › Image|endswith',
      'selection › Initiated',
      'filter_main_local_ranges › DestinationIp|cidr',
      'filter_main_ms_ranges › DestinationIp|cidr',
      'filter_main_app_sdb › CommandLine|endswith',
      'filter_main_azure_managed › SourceHostname|endswith',
      'filter_main_svchost_update_processes › ParentImage',
      'filter_main_svchost_update_processes › DestinationPort',
    ])
    const first = parts[0]
    expect(first && DEFAULT_RULE.slice(...first.range)).toBe("Image|endswith: '\\rundll32.exe'")
  })

  it('handles lists of maps and keyword lists, and tolerates broken YAML', () => {
    const text = dedent`
      detection:
        sel:
          - A: 1
          - B|contains: x
        words:
          - foo
          - bar
        condition: sel or words
    `
    expect(ruleParts(text).map((p) => `${p.identifier} › ${p.item}`)).toEqual([
      'sel › A',
      'sel › B|contains',
      'words › keywords',
    ])
    expect(ruleParts('detection: [').length).toBe(0)
    expect(ruleParts('').length).toBe(0)
  })
})

describe('runProbe', () => {
  it('announces each part before running it over the events', () => {
    const steps: RulePart[] = []
    runProbe(DEFAULT_RULE, {}, parseEvents(DEFAULT_EVENTS).events, (part) => steps.push(part))
    expect(steps).toHaveLength(8)
    expect(steps[2]).toMatchObject({
      identifier: 'filter_main_local_ranges',
      item: 'DestinationIp|cidr',
    })
  })
})
