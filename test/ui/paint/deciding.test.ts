import { describe, expect, it } from 'vitest'
import { decidingPaths } from '../../../src/ui/paint/deciding-field.ts'
import { excludingIdentifiers } from '../../../src/ui/paint/excluding.ts'
import { rundll32, traceOf } from '../rule-fixtures.ts'

describe('excludingIdentifiers', () => {
  it('names the identifiers reached through a not, selector members included', () => {
    expect([...excludingIdentifiers(traceOf(rundll32))].sort()).toEqual([
      'filter_main_local_ranges',
      'filter_main_svchost',
    ])
    expect(excludingIdentifiers(undefined).size).toBe(0)
  })
})

describe('decidingPaths', () => {
  it('a match: the fields of the selection that held', () => {
    const event = { ...rundll32, DestinationIp: '93.184.216.34' }
    expect(decidingPaths(traceOf(event))).toEqual(['Image', 'Initiated'])
  })

  it('an excluded event: the field of the filter that excluded it', () => {
    expect(decidingPaths(traceOf(rundll32))).toEqual(['DestinationIp'])
  })

  it('a miss: the field the selection failed on', () => {
    const event = { ...rundll32, Image: 'C:\\Windows\\notepad.exe', DestinationIp: '1.2.3.4' }
    expect(decidingPaths(traceOf(event))).toEqual(['Image'])
  })
})
