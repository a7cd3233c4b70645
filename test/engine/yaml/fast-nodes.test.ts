import { describe, expect, test } from 'vitest'
import { isMap, isScalar, parseDocument } from 'yaml'
import {
  Bail,
  newMap,
  newScalar,
  resolvePlain,
  unescapeDouble,
} from '../../../src/engine/yaml/fast-nodes.ts'

/** What the yaml package (core schema) makes of `a: <source>`. */
const reference = (source: string) =>
  parseDocument(`a: ${source}\n`, { version: '1.2' }).toJS().a as unknown

describe('resolvePlain agrees with the core schema, or declines', () => {
  test.each([
    'x',
    'yes',
    'no',
    'on',
    'null',
    'Null',
    'NULL',
    '~',
    'true',
    'True',
    'FALSE',
    '42',
    '-7',
    '+3',
    '010',
    '007',
    '2024-01-01',
    '4624',
    'C:\\Windows',
    'a b',
    '1a',
    '9007199254740993',
    '0x1F',
    '0o17',
    '1.5',
    '1e3',
    '.inf',
    '.NaN',
  ])('%s', (source) => {
    try {
      expect(resolvePlain(source)).toEqual(reference(source))
    } catch (e) {
      expect(e).toBeInstanceOf(Bail)
    }
  })
  test('it takes the common cases itself', () => {
    expect(resolvePlain('yes')).toBe('yes')
    expect(resolvePlain('4624')).toBe(4624)
    expect(resolvePlain('~')).toBeNull()
  })
})

describe('double-quoted escapes', () => {
  test.each(['a\\\\b', 'q\\"q', '\\x41\\u00e9', 'tab\\there', 'slash\\/'])('%s', (body) => {
    expect(unescapeDouble(body)).toBe(reference(`"${body}"`))
  })
  test('unknown escapes decline', () => {
    expect(() => unescapeDouble('\\q')).toThrow(Bail)
  })
})

test('nodes made without constructors are yaml nodes', () => {
  const map = newMap()
  expect(isMap(map)).toBe(true)
  expect(isScalar(newScalar('x'))).toBe(true)
  expect(map.toJSON()).toEqual({})
})
