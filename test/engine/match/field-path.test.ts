import { describe, expect, test } from 'vitest'
import { resolveLiteralOrDotted } from '../../../src/engine/match/field-path.ts'
import { item } from '../modifiers/item-helpers.ts'

describe('field resolution (§2.2)', () => {
  test('literal key first, then the dotted path', () => {
    expect(resolveLiteralOrDotted({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toEqual({
      path: 'a.b',
      value: 1,
    })
    expect(resolveLiteralOrDotted({ a: { b: { c: 3 } } }, 'a.b.c')).toEqual({
      path: 'a.b.c',
      value: 3,
    })
  })

  test('a literal dotted key wins over a further split at each level', () => {
    const event = { a: { 'b.c': 'dotted', b: { c: 'nested' } } }
    expect(resolveLiteralOrDotted(event, 'a.b.c')?.value).toBe('dotted')
    expect(resolveLiteralOrDotted({ 'x.y': { z: 1 }, x: { y: { z: 2 } } }, 'x.y.z')?.value).toBe(1)
  })

  test('falls back to the split when the dotted key leads nowhere', () => {
    expect(resolveLiteralOrDotted({ 'a.b': { q: 1 }, a: { b: { c: 2 } } }, 'a.b.c')?.value).toBe(2)
  })

  test('names are case-sensitive and used verbatim', () => {
    expect(item('image', 'x').match({ Image: 'x' })).toBe(false)
    expect(item('Process Name', 'x').match({ 'Process Name': 'x' })).toBe(true)
  })

  test('absent paths and non-object events', () => {
    expect(resolveLiteralOrDotted({ a: 'str' }, 'a.length')).toBeUndefined()
    expect(resolveLiteralOrDotted('text', 'a')).toBeUndefined()
    expect(item('F', 'x').match([{ F: 'x' }])).toBe(false)
  })
})

describe('prototype keys are ordinary names', () => {
  test.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    '%s',
    (key) => {
      expect(item(key, 'x').match({})).toBe(false)
      expect(item(`${key}|exists`, true).match({})).toBe(false)
      expect(item(`a.${key}`, 'x').match({ a: {} })).toBe(false)
      const event = JSON.parse(`{"${key}": "x"}`) as unknown
      expect(item(key, 'x').match(event)).toBe(true)
      expect(item(null, 'constructor').match({})).toBe(false)
    },
  )

  test('evtx names too', () => {
    const event = { Event: { EventData: { Image: 'x' } } }
    expect(item('constructor|exists', true).match(event)).toBe(false)
    expect(item('__proto__|exists', true).match(event)).toBe(false)
  })
})
