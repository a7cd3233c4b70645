import { describe, expect, test } from 'vitest'
import { base64OffsetStrings, valueBytes } from '../../../src/engine/modifiers/encodings.ts'
import { plainString } from '../../../src/engine/modifiers/strings.ts'
import { expandValue } from '../../../src/engine/modifiers/expand-value.ts'
import { codes, compile, item } from './item-helpers.ts'

const ascii = (s: string) => new TextEncoder().encode(s)

describe('base64', () => {
  test('encodes UTF-8 bytes with padding (café → Y2Fmw6k=, not Latin-1)', () => {
    expect(item('F|base64', 'café').match({ F: 'Y2Fmw6k=' })).toBe(true)
    expect(item('F|base64', 'café').match({ F: 'Y2Fm6Q==' })).toBe(false)
  })

  test('without contains it is a whole-value, case-insensitive match', () => {
    expect(item('F|base64', 'foobar').match({ F: 'Zm9vYmFy' })).toBe(true)
    expect(item('F|base64', 'foobar').match({ F: 'ZM9VYMFY' })).toBe(true)
    expect(item('F|base64', 'foobar').match({ F: 'xZm9vYmFy' })).toBe(false)
    expect(item('F|base64|contains', 'foobar').match({ F: 'xZm9vYmFyx' })).toBe(true)
  })

  test('contains before base64 is an order error on the base64 modifier', () => {
    const { item: compiled, diagnostics } = compile('F|contains|base64', 'x')
    expect(compiled).toBeUndefined()
    expect(codes(diagnostics)).toEqual(['MODIFIER_ORDER'])
    expect(diagnostics[0]?.range).toEqual([11, 17])
  })

  test('a wildcard in the value itself is a value error on the value', () => {
    const { diagnostics } = compile('F|base64', 'a*b')
    expect(codes(diagnostics)).toEqual(['BAD_VALUE'])
    expect(diagnostics[0]?.range).toEqual([10, 13])
  })
})

describe('base64offset (§4.3)', () => {
  test.each([
    ['http://evil', ['aHR0cDovL2V2aW', 'h0dHA6Ly9ldmls', 'odHRwOi8vZXZpb']],
    ['foobar', ['Zm9vYmFy', 'Zvb2Jhc', 'mb29iYX']],
  ])('%s gives the three reference strings', (value, expected) => {
    expect(base64OffsetStrings(ascii(value))).toEqual(expected)
  })

  test('wide|base64offset of cmd', () => {
    expect(expandValue(['wide', 'base64offset'], 'cmd').variants).toEqual([
      'YwBtAGQA',
      'MAbQBkA',
      'jAG0AZA',
    ])
  })

  test('each offset matches inside a longer encoded text, and the trace names the variant', () => {
    const rule = item('F|base64offset|contains', 'http://evil')
    for (const prefix of ['', 'a', 'ab']) {
      const encoded = btoa(`${prefix}http://evil.example`)
      expect(rule.match({ F: encoded })).toBe(true)
    }
    const trace = rule.explain({ F: btoa('ahttp://evil.example') })
    expect(trace.values[0]?.variant).toBe('offset 1')
  })
})

describe('UTF-16 family', () => {
  test('wide and utf16le are UTF-16LE bytes', () => {
    const bytes = [...valueBytes({ ...plainString('cmd'), bytes: false })]
    expect(bytes).toEqual([0x63, 0x6d, 0x64])
    expect(expandValue(['wide'], 'cmd').variants).toEqual(['63 00 6D 00 64 00'])
    expect(expandValue(['utf16le'], 'cmd').variants).toEqual(['63 00 6D 00 64 00'])
    expect(expandValue(['utf16le', 'base64'], 'cmd').variants).toEqual(['YwBtAGQA'])
  })

  test('utf16be is big-endian', () => {
    expect(expandValue(['utf16be'], 'cmd').variants).toEqual(['00 63 00 6D 00 64'])
    expect(item('F|utf16be|base64', 'cmd').match({ F: 'AGMAbQBk' })).toBe(true)
  })

  test('utf16 puts the FF FE byte order mark first (spec, not pySigma)', () => {
    expect(expandValue(['utf16'], 'cmd').variants).toEqual(['FF FE 63 00 6D 00 64 00'])
    expect(item('F|utf16|base64', 'cmd').match({ F: '//5jAG0AZAA=' })).toBe(true)
  })

  test('non-ASCII text encodes as its UTF-16 code units', () => {
    expect(expandValue(['wide'], 'é').variants).toEqual(['E9 00'])
  })

  test('a wide value matches the encoded event text', () => {
    expect(
      item('F|wide|base64offset|contains', 'cmd').match({ F: `xx${btoa('\0c\0m\0d\0')}` }),
    ).toBe(true)
  })
})
