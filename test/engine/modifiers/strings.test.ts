import { describe, expect, test } from 'vitest'
import { parseSigmaString } from '../../../src/engine/modifiers/strings.ts'
import { tokensToDisplay } from '../../../src/engine/match/glob.ts'
import { item } from './item-helpers.ts'

/** The literal meaning of a value without wildcards, or the display form with them. */
const meaning = (raw: string) => tokensToDisplay(parseSigmaString(raw))

describe('escape algorithm (reference §3.3, every row of the table)', () => {
  test.each([
    ['C:\\Windows\\System32\\cmd.exe', 'C:\\Windows\\System32\\cmd.exe'],
    ['C:\\\\Windows\\\\System32\\\\cmd.exe', 'C:\\Windows\\System32\\cmd.exe'],
    ['\\\\\\\\server', '\\\\server'],
    ['share\\\\\\', 'share\\\\'],
    ['C:\\Temp\\', 'C:\\Temp\\'],
    ['%Admins%', '%Admins%'],
    ['100\\%', '100\\%'],
  ])('%s means the literal %s', (raw, literal) => {
    expect(parseSigmaString(raw)).toEqual([{ t: 'lit', s: literal }])
    expect(item('F', raw).match({ F: literal })).toBe(true)
  })

  test('foo\\* is a literal star', () => {
    expect(parseSigmaString('foo\\*')).toEqual([{ t: 'lit', s: 'foo*' }])
    expect(item('F', 'foo\\*').match({ F: 'foo*' })).toBe(true)
    expect(item('F', 'foo\\*').match({ F: 'foobar' })).toBe(false)
  })

  test('a\\?b is a literal question mark', () => {
    expect(item('F', 'a\\?b').match({ F: 'a?b' })).toBe(true)
    expect(item('F', 'a\\?b').match({ F: 'axb' })).toBe(false)
  })

  test('foo\\\\* is a backslash then a wildcard', () => {
    expect(parseSigmaString('foo\\\\*')).toEqual([{ t: 'lit', s: 'foo\\' }, { t: 'star' }])
    expect(item('F', 'foo\\\\*').match({ F: 'foo\\anything' })).toBe(true)
    expect(item('F', 'foo\\\\*').match({ F: 'fooanything' })).toBe(false)
  })

  test('foo\\\\\\* is a literal backslash and a literal star', () => {
    expect(meaning('foo\\\\\\*')).toBe('foo\\*')
    expect(item('F', 'foo\\\\\\*').match({ F: 'foo\\*' })).toBe(true)
    expect(item('F', 'foo\\\\\\*').match({ F: 'foo\\x' })).toBe(false)
  })

  test('the trap: C:\\Windows\\*\\cmd.exe has no wildcard left', () => {
    expect(parseSigmaString('C:\\Windows\\*\\cmd.exe')).toEqual([
      { t: 'lit', s: 'C:\\Windows*\\cmd.exe' },
    ])
    expect(
      item('F', 'C:\\Windows\\*\\cmd.exe').match({ F: 'C:\\Windows\\System32\\cmd.exe' }),
    ).toBe(false)
    expect(item('F', 'C:\\Windows\\*\\cmd.exe').match({ F: 'C:\\Windows*\\cmd.exe' })).toBe(true)
  })

  test('two-character escapes such as \\n stay two characters', () => {
    expect(item('F', 'a\\nb').match({ F: 'a\\nb' })).toBe(true)
    expect(item('F', 'a\\nb').match({ F: 'a\nb' })).toBe(false)
  })
})

describe('wildcards', () => {
  test('a value without wildcards must equal the whole field', () => {
    expect(item('F', 'cmd').match({ F: 'cmd.exe' })).toBe(false)
    expect(item('F', 'cmd.exe').match({ F: 'CMD.EXE' })).toBe(true)
  })

  test('* matches any run including line breaks; ? exactly one character', () => {
    expect(item('F', 'a*z').match({ F: 'a\r\nmiddle\nz' })).toBe(true)
    expect(item('F', 'a*z').match({ F: 'az' })).toBe(true)
    expect(item('F', 'a?z').match({ F: 'a\nz' })).toBe(true)
    expect(item('F', 'a?z').match({ F: 'az' })).toBe(false)
    expect(item('F', 'a?z').match({ F: 'abbz' })).toBe(false)
  })

  test('? counts a code point, not a UTF-16 unit', () => {
    expect(item('F', 'a?b').match({ F: 'a😀b' })).toBe(true)
  })

  test('regex metacharacters in values are literal', () => {
    expect(item('F', 'a.b*(x)[y]{2}|$^+/').match({ F: 'a.b--(x)[y]{2}|$^+/' })).toBe(true)
    expect(item('F', 'a.b*').match({ F: 'axb' })).toBe(false)
  })

  test("'*' is any present non-null scalar, '' only the empty string", () => {
    const any = item('F', '*')
    expect(any.match({ F: '' })).toBe(true)
    expect(any.match({ F: 0 })).toBe(true)
    expect(any.match({ F: false })).toBe(true)
    expect(any.match({ F: null })).toBe(false)
    expect(any.match({})).toBe(false)
    expect(any.match({ F: { a: 1 } })).toBe(false)
    const empty = item('F', '')
    expect(empty.match({ F: '' })).toBe(true)
    expect(empty.match({ F: ' ' })).toBe(false)
    expect(empty.match({ F: null })).toBe(false)
    expect(empty.match({})).toBe(false)
  })
})

describe('contains, startswith, endswith', () => {
  test('add wildcards at the right ends', () => {
    expect(item('F|contains', 'MID').match({ F: 'xxmidyy' })).toBe(true)
    expect(item('F|startswith', 'C:\\Win').match({ F: 'c:\\windows' })).toBe(true)
    expect(item('F|startswith', 'C:\\Win').match({ F: 'D:\\C:\\Win' })).toBe(false)
    expect(
      item('F|endswith', '\\rundll32.exe').match({ F: 'C:\\Windows\\System32\\RUNDLL32.EXE' }),
    ).toBe(true)
    expect(item('F|endswith', '\\rundll32.exe').match({ F: 'C:\\rundll32.exe.bak' })).toBe(false)
  })

  test('keep wildcards inside the value', () => {
    expect(item('F|contains', 'a*c').match({ F: 'xxabbbcxx' })).toBe(true)
    expect(item('F|contains', '*abc*').match({ F: 'xabcx' })).toBe(true)
    expect(item('F|endswith', '.exe?').match({ F: 'a.exe1' })).toBe(true)
  })

  test('all ANDs the values, each checked independently', () => {
    const all = item('F|contains|all', ['alpha', 'beta'])
    expect(all.match({ F: 'beta then alpha' })).toBe(true)
    expect(all.match({ F: 'alpha only' })).toBe(false)
    expect(all.explain({ F: 'alpha only' }).values.map((v) => v.value)).toEqual([true, false])
  })
})

describe('case', () => {
  test('plain values fold case, Unicode included', () => {
    expect(item('F', 'ÄÖÜ ΣΟΦΙΑ Кириллица').match({ F: 'äöü σοφια кириллица' })).toBe(true)
  })

  test('cased makes the value case-sensitive, wildcards still work, reason is case', () => {
    const cased = item('F|cased|contains', 'Hello*World')
    expect(cased.match({ F: 'say Hello big World' })).toBe(true)
    expect(cased.match({ F: 'say hello big world' })).toBe(false)
    const trace = cased.explain({ F: 'say hello big world' })
    expect(trace.values[0]?.reason).toBe('case')
    expect(item('F|contains|cased', 'Hello').match({ F: 'xHellox' })).toBe(true)
  })

  test('cased before an encoding is lost, after it is kept (pySigma)', () => {
    // base64('Abc') = 'QWJj'; the lost `cased` lets 'qwjj' match.
    expect(item('F|cased|base64', 'Abc').match({ F: 'qwjj' })).toBe(true)
    expect(item('F|base64|cased', 'Abc').match({ F: 'qwjj' })).toBe(false)
    expect(item('F|base64|cased', 'Abc').match({ F: 'QWJj' })).toBe(true)
  })
})
