import { describe, expect, it } from 'vitest'
import { eventsMeta } from '../../../src/ui/events/events-meta.ts'

describe('events pane caption', () => {
  it('names a recognised shape, else the text format', () => {
    expect(eventsMeta(312, 'ndjson', 'Winlogbeat', undefined)).toBe('312 events · Winlogbeat')
    expect(eventsMeta(2, 'array', 'flat JSON', undefined)).toBe('2 events · JSON array')
    expect(eventsMeta(1, 'csv', 'flat JSON', undefined)).toBe('1 event · CSV')
    expect(eventsMeta(0, 'empty', 'flat JSON', undefined)).toBe('0 events')
    expect(eventsMeta(2, 'xml', 'Windows event log', undefined)).toBe(
      '2 events · Windows event XML',
    )
  })

  it('says when the user forced a layout', () => {
    expect(eventsMeta(3, 'object', 'Elastic hits · Winlogbeat', 'flat')).toBe(
      '3 events · Elastic hits · Winlogbeat · read as flat JSON',
    )
  })
})
