import { describe, expect, test } from 'vitest'
import { expandValue } from '../../../src/engine/modifiers/expand-value.ts'

describe('expandValue (hover text)', () => {
  test('windash: every spelling, the original first', () => {
    const out = expandValue(['windash'], ' -exec')
    expect(out.variants).toEqual([' -exec', ' /exec', ' \u2013exec', ' \u2014exec', ' \u2015exec'])
    expect(out.truncated).toBe(false)
  })

  test('caps the list and says so', () => {
    const out = expandValue(['windash'], '-a -b -c -d')
    expect(out.variants).toHaveLength(64)
    expect(out.truncated).toBe(true)
  })

  test('base64, base64offset and the UTF-16 family', () => {
    expect(expandValue(['base64'], 'café').variants).toEqual(['Y2Fmw6k='])
    expect(expandValue(['base64offset', 'contains'], 'foobar').variants).toEqual([
      '*Zm9vYmFy*',
      '*Zvb2Jhc*',
      '*mb29iYX*',
    ])
    expect(expandValue(['utf16', 'base64'], 'cmd').variants).toEqual(['//5jAG0AZAA='])
  })

  test('cidr: network, first and last address, size', () => {
    expect(expandValue(['cidr'], '10.0.0.0/8').variants).toEqual([
      'network 10.0.0.0/8',
      'first 10.0.0.0',
      'last 10.255.255.255',
      'size 16777216',
    ])
  })

  test('wildcards and escapes in plain words', () => {
    expect(expandValue([], 'C:\\Windows\\*\\cmd.exe').note).toContain('\\* is a literal *')
    expect(expandValue(['endswith'], '\\cmd.exe').note).toContain('any text')
    expect(expandValue([], 'a?b').note).toContain('one character')
    expect(expandValue([], '\\\\server').note).toContain('one literal backslash')
  })

  test('placeholders', () => {
    expect(expandValue(['expand'], '%A%', { placeholders: { A: ['x', 'y'] } }).variants).toEqual([
      'x',
      'y',
    ])
    expect(expandValue(['expand'], '%A%').variants).toEqual([])
  })

  test('errors become a note, never an exception', () => {
    expect(expandValue(['nope'], 'x')).toMatchObject({ variants: [], truncated: false })
    expect(expandValue(['cidr'], '10.0.0.1/8').note).toContain('host bits')
    expect(expandValue(['re'], '(?i)abc').variants).toEqual(['/abc/i'])
  })
})
