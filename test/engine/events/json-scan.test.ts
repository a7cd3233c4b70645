import { describe, expect, test } from 'vitest'
import { findValueEnd, skipWhitespace, walkJson } from '../../../src/engine/events/json-scan.ts'

describe('findValueEnd', () => {
  test.each([
    ['{"a":"}"} tail', 9],
    ['[1,[2,{"x":"]"}]] tail', 17],
    ['"a\\"b" tail', 6],
    ['"a\\\\" tail', 5],
    ['123,', 3],
    ['true}', 4],
  ])('%j ends at %i', (text, end) => {
    expect(findValueEnd(text, 0)).toBe(end)
  })

  test('open brackets and strings give -1', () => {
    expect(findValueEnd('{"a": [1', 0)).toBe(-1)
    expect(findValueEnd('"abc', 0)).toBe(-1)
  })
})

describe('walkJson', () => {
  test('reports the first error offset', () => {
    expect(walkJson('{"a" 1}', 0, 7)).toMatchObject({ error: { offset: 5 } })
    expect(walkJson('[1,]', 0, 4)).toMatchObject({ error: { offset: 3 } })
    expect(walkJson('{"a":01}', 0, 8)).toMatchObject({ error: { offset: 6 } })
    expect(walkJson('{"a":"\u0001"}', 0, 9)).toMatchObject({ error: { offset: 6 } })
    expect(walkJson('{"a":"\\q"}', 0, 10)).toMatchObject({ error: { offset: 5 } })
  })

  test('visits every key and value with its path and range', () => {
    const text = '{"a": {"b": [10, {"c": null}]}, "d": "x"}'
    const seen: string[] = []
    walkJson(text, 0, text.length, (path, key, value) => {
      seen.push(
        `${path}=${text.slice(value[0], value[1])}${key ? ` @${text.slice(key[0], key[1])}` : ''}`,
      )
    })
    expect(seen).toEqual([
      'a.b[0]=10',
      'a.b[1].c=null @"c"',
      'a.b[1]={"c": null}',
      'a.b=[10, {"c": null}] @"b"',
      'a={"b": [10, {"c": null}]} @"a"',
      'd="x" @"d"',
      '={"a": {"b": [10, {"c": null}]}, "d": "x"}',
    ])
  })

  test('stays inside the given end', () => {
    expect(walkJson('{"a":1}{"b":2}', 0, 5)).toHaveProperty('error')
  })

  test('skipWhitespace stops at the end given', () => {
    expect(skipWhitespace('   x', 0, 2)).toBe(2)
    expect(skipWhitespace('\uFEFF {', 0)).toBe(2)
  })
})
