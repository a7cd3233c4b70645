import { describe, expect, it } from 'vitest'
import { layOutJson } from '../../../src/ui/editors/json-layout.ts'
import { parseEvents } from '../../../src/engine/index.ts'

describe('layOutJson (Format Document in the events editor)', () => {
  it('indents objects and arrays, keeping empty ones on one line', () => {
    expect(layOutJson('{"a":1,"b":[true,null,{}],"c":{"d":[]}}')).toBe(
      '{\n  "a": 1,\n  "b": [\n    true,\n    null,\n    {}\n  ],\n  "c": {\n    "d": []\n  }\n}\n',
    )
  })

  it('keeps every literal as written: big integers, escapes, exponents', () => {
    const text = '{"id":18446744073709551615,"p":"C:\\\\Windows\\\\x \\"q\\"","e":-1.5E+3}'
    const laidOut = layOutJson(text) ?? ''
    expect(laidOut).toContain('18446744073709551615')
    expect(laidOut).toContain('"C:\\\\Windows\\\\x \\"q\\""')
    expect(laidOut).toContain('-1.5E+3')
    expect(JSON.parse(laidOut)).toEqual(JSON.parse(text))
  })

  it('lays out NDJSON and concatenated objects one after another, the same events', () => {
    const text = '{"a":1}\n{"b":"x, y: z"}{"c":[1]}\n'
    const laidOut = layOutJson(text) ?? ''
    expect(laidOut.startsWith('{\n  "a": 1\n}\n{\n')).toBe(true)
    const values = (t: string) => parseEvents(t).events.map((e) => e.value)
    expect(values(laidOut)).toEqual(values(text))
  })

  it('moves nothing when the text is not JSON tokens (evtx_dump records, half-typed text)', () => {
    expect(layOutJson('Record 1\n{"a":1}')).toBeUndefined()
    expect(layOutJson('{"a":')).toBeUndefined()
    expect(layOutJson('{"a":"open')).toBeUndefined()
    expect(layOutJson('{"a":1}}')).toBeUndefined()
  })

  it('is stable: laying out twice changes nothing more', () => {
    const once = layOutJson('[{"a":{"b":[1,2]}},{"c":3}]') ?? ''
    expect(layOutJson(once)).toBe(once)
  })
})
