import { describe, expect, test } from 'vitest'
import type { FieldTrace } from '../../../src/engine/types.ts'
import { codes, compile, item } from './item-helpers.ts'

describe('value typing (§2.3)', () => {
  test('string rule vs number and boolean events compares their text', () => {
    expect(item('F', '4624').match({ F: 4624 })).toBe(true)
    expect(item('F', '1.5').match({ F: 1.5 })).toBe(true)
    expect(item('F', '46*').match({ F: 4624 })).toBe(true)
    expect(item('F', 'TRUE').match({ F: true })).toBe(true)
    expect(item('F', 'false').match({ F: true })).toBe(false)
  })

  test('number rule vs numeric string is equal both ways', () => {
    expect(item('EventID', 4688).match({ EventID: '4688' })).toBe(true)
    expect(item('EventID', 4688).match({ EventID: 4688 })).toBe(true)
    expect(item('EventID', 4688).match({ EventID: '4689' })).toBe(false)
    expect(item('EventID', 4688).match({ EventID: 'x4688' })).toBe(false)
    expect(item('EventID', 1.5).match({ EventID: '1.50' })).toBe(true)
  })

  test('boolean rule vs boolean and "true"/"false" strings', () => {
    expect(item('F', true).match({ F: true })).toBe(true)
    expect(item('F', true).match({ F: 'True' })).toBe(true)
    expect(item('F', false).match({ F: 'false' })).toBe(true)
    expect(item('F', true).match({ F: 1 })).toBe(false)
    expect(item('F', true).explain({ F: 1 }).values[0]?.reason).toBe('type')
  })
})

describe('null, missing, empty', () => {
  test('null is absent or JSON null; "" is not null', () => {
    const rule = item('F', null)
    expect(rule.match({})).toBe(true)
    expect(rule.match({ F: null })).toBe(true)
    expect(rule.match({ F: '' })).toBe(false)
    expect(rule.match({ F: 0 })).toBe(false)
  })

  test('a non-null test on an absent or null field misses with the right reason', () => {
    const rule = item('F', 'x')
    expect(rule.explain({}).values[0]?.reason).toBe('absent')
    expect((rule.explain({}) as FieldTrace).reason).toBe('absent')
    expect((rule.explain({}) as FieldTrace).lookups).toEqual([])
    expect(rule.explain({ F: null }).values[0]).toMatchObject({
      reason: 'null',
      actual: null,
      path: 'F',
    })
    expect(rule.explain({ F: 'y' }).values[0]).toMatchObject({
      reason: 'differs',
      actual: 'y',
      path: 'F',
    })
  })

  test('an empty value list means null (pySigma)', () => {
    expect(item('F', []).match({})).toBe(true)
    expect(item('F', []).match({ F: 'x' })).toBe(false)
  })

  test('null OR-ed with a string in a list', () => {
    const rule = item('F', ['', null])
    expect(rule.match({})).toBe(true)
    expect(rule.match({ F: '' })).toBe(true)
    expect(rule.match({ F: 'x' })).toBe(false)
  })
})

describe('arrays and objects', () => {
  test('an array field matches if any element does, nested arrays flattened', () => {
    const rule = item('F|endswith', '.exe')
    expect(rule.match({ F: ['a.txt', ['b.dll', 'c.EXE']] })).toBe(true)
    expect(rule.match({ F: ['a.txt', null] })).toBe(false)
    expect(rule.explain({ F: ['a.txt', ['b.dll', 'c.EXE']] }).values[0]).toMatchObject({
      path: 'F[1][1]',
      actual: 'c.EXE',
    })
  })

  test('objects never match a scalar test, even *', () => {
    const rule = item('F', '*')
    expect(rule.match({ F: { a: 1 } })).toBe(false)
    expect(rule.explain({ F: { a: 1 } }).values[0]?.reason).toBe('type')
    expect(item('F|exists', true).match({ F: { a: 1 } })).toBe(true)
  })
})

describe('neq', () => {
  test('is NOT of the whole item; absent field gives true', () => {
    const rule = item('F|neq', ['a', 'b'])
    expect(rule.match({ F: 'c' })).toBe(true)
    expect(rule.match({ F: 'A' })).toBe(false)
    expect(rule.match({})).toBe(true)
    const trace = rule.explain({ F: 'b' }) as FieldTrace
    expect(trace).toMatchObject({ negated: true, value: false })
    expect(trace.values.map((v) => v.value)).toEqual([false, true])
  })

  test('with fieldref: the two fields differ', () => {
    const rule = item('A|fieldref|neq', 'B')
    expect(rule.match({ A: 'x', B: 'y' })).toBe(true)
    expect(rule.match({ A: 'x', B: 'X' })).toBe(false)
  })
})

describe('exists', () => {
  test('tests key presence only; null and "" count as present', () => {
    expect(item('F|exists', true).match({ F: null })).toBe(true)
    expect(item('F|exists', true).match({ F: '' })).toBe(true)
    expect(item('F|exists', true).match({})).toBe(false)
    expect(item('F|exists', false).match({})).toBe(true)
    expect(item('F|exists', false).match({ F: null })).toBe(false)
    expect(item('F|exists', true).explain({}).values[0]?.reason).toBe('absent')
  })

  test('needs a boolean, must be first, must have a field', () => {
    expect(codes(compile('F|exists', 'yes').diagnostics)).toEqual(['MODIFIER_TYPE'])
    expect(codes(compile('F|contains|exists', true).diagnostics)).toContain('MODIFIER_ORDER')
    expect(codes(compile('|exists', true).diagnostics)).toContain('MODIFIER_TYPE')
  })
})

describe('fieldref', () => {
  test('compares with another field of the same event', () => {
    const rule = item('ParentImage|fieldref', 'Image')
    expect(rule.match({ ParentImage: 'C:\\a.exe', Image: 'c:\\A.EXE' })).toBe(true)
    expect(rule.match({ ParentImage: 'C:\\a.exe', Image: 'C:\\b.exe' })).toBe(false)
    expect(rule.match({ ParentImage: 'C:\\a.exe' })).toBe(false)
    expect(rule.match({ ParentImage: null, Image: null })).toBe(false)
    expect(item('A|fieldref', 'B').match({ A: 5, B: '5' })).toBe(true)
    const trace = rule.explain({ ParentImage: 'x', Image: 'x' })
    expect(trace.values[0]).toMatchObject({
      value: true,
      path: 'ParentImage',
      variant: 'Image = x',
    })
  })

  test('with contains, startswith, endswith', () => {
    const event = { CommandLine: 'run C:\\t\\evil.exe now', Image: 'C:\\t\\evil.exe' }
    expect(item('CommandLine|fieldref|contains', 'Image').match(event)).toBe(true)
    expect(item('CommandLine|fieldref|startswith', 'Image').match(event)).toBe(false)
    expect(
      item('CommandLine|fieldref|endswith', 'Image').match({
        ...event,
        CommandLine: 'x C:\\t\\evil.exe',
      }),
    ).toBe(true)
  })

  test('wildcards in the reference are a value error', () => {
    const { diagnostics } = compile('A|fieldref', 'B*')
    expect(codes(diagnostics)).toEqual(['BAD_VALUE'])
    expect(diagnostics[0]?.range).toEqual([12, 14])
  })

  test('the field map applies to the referenced field too', () => {
    const rule = item('A|fieldref', 'B', { fieldMap: { B: 'Other' } })
    expect(rule.match({ A: 'v', Other: 'v' })).toBe(true)
  })
})

describe('modifier registry errors carry the modifier range', () => {
  test('unknown modifier', () => {
    const { item: compiled, diagnostics } = compile('F|contain', 'x')
    expect(compiled).toBeUndefined()
    expect(diagnostics).toMatchObject([
      { code: 'UNKNOWN_MODIFIER', severity: 'error', range: [2, 9] },
    ])
  })

  test('names are case-sensitive', () => {
    expect(codes(compile('F|Contains', 'x').diagnostics)).toEqual(['UNKNOWN_MODIFIER'])
  })

  test('utf16le is accepted (spec) though pySigma lacks it', () => {
    expect(compile('F|utf16le|base64', 'x').diagnostics).toEqual([])
  })

  test('one diagnostic per problem, not per value', () => {
    expect(codes(compile('F|gt', ['a', 'b', 'c']).diagnostics)).toEqual(['MODIFIER_TYPE'])
  })

  test('string modifiers refuse numbers and null', () => {
    expect(codes(compile('F|contains', null).diagnostics)).toEqual(['MODIFIER_TYPE'])
    expect(codes(compile('F|windash', 5).diagnostics)).toEqual(['MODIFIER_TYPE'])
  })
})

describe('field map and trace shape', () => {
  test('the field map renames the rule field before lookup; the trace keeps the rule name', () => {
    const rule = item('Image|endswith', '\\cmd.exe', { fieldMap: { Image: 'NewProcessName' } })
    const trace = rule.explain({ NewProcessName: 'C:\\cmd.exe' }) as FieldTrace
    expect(trace).toMatchObject({
      type: 'field',
      field: 'Image',
      modifiers: ['endswith'],
      value: true,
      linking: 'or',
      negated: false,
      lookups: [{ path: 'NewProcessName', value: 'C:\\cmd.exe' }],
    })
    expect(trace.values[0]).toMatchObject({
      type: 'value',
      index: 0,
      text: '\\cmd.exe',
      range: [16, 24],
    })
  })

  test('explain evaluates every value (no short-circuit)', () => {
    const trace = item('F', ['a', 'b', 'c']).explain({ F: 'a' })
    expect(trace.values).toHaveLength(3)
    expect(trace.values.map((v) => v.value)).toEqual([true, false, false])
  })

  test('traces are plain data', () => {
    const trace = item('F|windash|contains', ' -x').explain({ F: 'a /x' })
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace)
  })
})
