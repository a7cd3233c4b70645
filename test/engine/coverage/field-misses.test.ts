import { describe, expect, it } from 'vitest'
import { compileRule, fieldMisses, nearMiss, outlineRule } from '../../../src/engine/index.ts'
import type { EngineOptions } from '../../../src/engine/index.ts'
import { dedent } from '../../helpers/dedent.ts'

describe('near misses on a value', () => {
  it('case under |cased, / for \\, an integrity SID, a number written otherwise', () => {
    expect(
      nearMiss('CommandLine', ['contains', 'cased'], 'Invoke-Mimikatz', 'invoke-mimikatz -x'),
    ).toBe(
      "CommandLine 'invoke-mimikatz -x' differs from 'Invoke-Mimikatz' only in case, and the rule says |cased",
    )
    expect(
      nearMiss('Image', ['endswith'], '\\rundll32.exe', 'C:/Windows/System32/rundll32.exe'),
    ).toBe("Image 'C:/Windows/System32/rundll32.exe' writes the path with / where the rule has \\")
    expect(nearMiss('IntegrityLevel', [], 'High', 'S-1-16-12288')).toBe(
      "IntegrityLevel is the SID S-1-16-12288 of integrity level High; the rule says 'High'",
    )
    expect(nearMiss('EventID', [], '4688', '0x1250')).toBe(
      "EventID '0x1250' is the number 4688 too, but values are compared as text",
    )
  })

  it('says nothing for a match, a plain difference, wildcards or other modifiers', () => {
    expect(nearMiss('Image', ['endswith'], '\\a.exe', 'C:\\a.exe')).toBeUndefined()
    expect(nearMiss('Image', [], 'a.exe', 'b.exe')).toBeUndefined()
    expect(nearMiss('Image', [], '*\\a.exe', 'C:/a.exe')).toBeUndefined()
    expect(nearMiss('Image', ['re'], 'a', 'A')).toBeUndefined()
    expect(nearMiss('IntegrityLevel', [], 'High', 'S-1-16-8192')).toBeUndefined()
  })
})

const RULE = dedent`
  title: t
  logsource: { product: windows, category: process_creation }
  detection:
    selection:
      Image|endswith: '\\whoami.exe'
      IntegrityLevel: High
    condition: selection
`

function misses(event: unknown, options: EngineOptions = {}) {
  const rule = compileRule(RULE, options).rule
  const items = outlineRule(RULE)?.items ?? []
  if (!rule) throw new Error('compiles')
  return fieldMisses(rule, items, event)
}

describe('why a rule field never matches an event', () => {
  it('a missing field names the ECS pipeline when the event has the ECS field', () => {
    const ecs = { process: { executable: 'C:\\Windows\\whoami.exe' }, IntegrityLevel: 'High' }
    expect(misses(ecs)).toEqual([
      {
        field: 'Image',
        keyRange: expect.any(Array) as unknown,
        kind: 'missing',
        message:
          '`Image` is missing; this event has `process.executable` — use the Elastic Common Schema for Windows pipeline?',
        nearest: [],
        pipeline: 'ecs-windows',
      },
    ])
  })

  it('a missing field names the fields that look like it, ignoring case and separators', () => {
    const found = misses({ image: 'C:\\Windows\\whoami.exe', Integrity_Level: 'High' })
    expect(found.map((m) => m.message)).toEqual([
      '`Image` is missing; this event has `image` — map it in Options?',
      '`IntegrityLevel` is missing; this event has `Integrity_Level` — map it in Options?',
    ])
  })

  it('a value near miss, and none once the pipeline or value is right', () => {
    const sid = { Image: 'C:\\Windows\\whoami.exe', IntegrityLevel: 'S-1-16-12288' }
    expect(misses(sid).map((m) => [m.kind, m.field])).toEqual([['value', 'IntegrityLevel']])
    expect(misses({ Image: 'C:\\Windows\\whoami.exe', IntegrityLevel: 'High' })).toEqual([])
  })
  it("names the event's fields as the rule's options read them", () => {
    const evtx = {
      Event: { EventData: { Image: 'C:\\Windows\\whoami.exe', IntegrityLevel: 'High' } },
    }
    expect(misses(evtx)).toEqual([])
    // Unflattened, the event has no Image: it must not say it has one.
    const said = misses(evtx, { flattenEvtx: false }).map((m) => m.message)
    expect(said).toHaveLength(2)
    for (const message of said) expect(message).not.toMatch(/has `(Image|IntegrityLevel)`/)
  })
})
