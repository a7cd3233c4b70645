import { afterEach, describe, expect, it } from 'vitest'
import { applySharedState, decodeFragment } from '../../src/share/index.ts'
import { validatePayload } from '../../src/share/validate.ts'
import { defaults, fragmentOfText } from './helpers.ts'

const hostile = `{
  "__proto__": { "polluted": "top" },
  "constructor": { "prototype": { "polluted": "ctor" } },
  "rule": "title: x",
  "options": {
    "__proto__": { "polluted": "options" },
    "placeholders": { "__proto__": ["a"], "constructor": ["b"], "prototype": ["c"] },
    "fieldMap": { "__proto__": "x", "constructor": "y", "hasOwnProperty": "z" }
  }
}`

describe('prototype keys are ordinary data', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })

  it('decodes __proto__, constructor and prototype as own entries and pollutes nothing', async () => {
    const result = await decodeFragment(await fragmentOfText(hostile))
    if (!result.ok) throw new Error(result.message)
    const { placeholders, fieldMap } = result.state.options ?? {}
    expect(Object.getPrototypeOf(placeholders)).toBe(Object.prototype)
    expect(Object.keys(placeholders ?? {})).toStrictEqual(['__proto__', 'constructor', 'prototype'])
    expect(Object.getOwnPropertyDescriptor(placeholders, '__proto__')?.value).toStrictEqual(['a'])
    expect(Object.keys(fieldMap ?? {})).toStrictEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
    ])
    expect(Object.getOwnPropertyDescriptor(fieldMap, '__proto__')?.value).toBe('x')
    // Unknown top-level keys, prototype names included, are dropped.
    expect(Object.keys(result.state).sort()).toStrictEqual([
      'events',
      'options',
      'rule',
      'selected',
    ])

    const merged = applySharedState(defaults, result.state)
    expect(Object.getPrototypeOf(merged.options)).toBe(Object.prototype)
    expect(Object.keys(merged.options).sort()).toStrictEqual([
      'fieldMap',
      'flattenEvtx',
      'placeholders',
    ])
    expect(
      Object.getOwnPropertyDescriptor(merged.options.placeholders, 'constructor')?.value,
    ).toStrictEqual(['b'])
  })

  it('does not read fields through the prototype chain', () => {
    const payload = Object.create({ rule: 'inherited', selected: 3 }) as object
    expect(validatePayload(payload)).toStrictEqual({ ok: true, value: {} })
  })
})
