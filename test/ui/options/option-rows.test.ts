// Rows of text <-> EngineOptions, checked against the real engine where it matters.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRule, evaluate } from '../../../src/engine/index.ts'
import {
  activeOptionCount,
  formatValues,
  mergeRows,
  optionsFromRows,
  parseValues,
  placeholderName,
} from '../../../src/ui/options/option-rows.ts'
import { dedent } from '../../helpers/dedent.ts'

const value = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/[\r\n]/g, ' ').trim())
  .filter((s) => s !== '')

describe('values text', () => {
  it('splits on commas on one line and on newlines otherwise', () => {
    expect(parseValues(' a, b ,, c ')).toEqual(['a', 'b', 'c'])
    expect(parseValues('a, b\r\nc\n\n')).toEqual(['a, b', 'c'])
    expect(parseValues('   ')).toEqual([])
    expect(parseValues(formatValues(['Domain, Admins']))).toEqual(['Domain, Admins'])
  })

  it('formats any value list so that it parses back the same', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), (values) => {
        expect(parseValues(formatValues(values))).toEqual(values)
      }),
    )
  })
})

describe('optionsFromRows', () => {
  it('leaves out what is empty or default', () => {
    const options = optionsFromRows({
      placeholders: [
        { id: 1, name: 'Empty', text: ' , ' },
        { id: 2, name: '', text: 'orphan' },
      ],
      mappings: [{ id: 3, ruleField: 'Image', eventField: ' ' }],
      flattenEvtx: true,
    })
    expect(options).toEqual({})
    expect(activeOptionCount(options)).toBe(0)
  })

  it('accepts %name%, lets later rows win, and keeps hostile names as plain keys', () => {
    const options = optionsFromRows({
      placeholders: [
        { id: 1, name: '%Admins%', text: 'a' },
        { id: 2, name: 'Admins', text: 'b, c' },
        { id: 3, name: '__proto__', text: 'x' },
      ],
      mappings: [{ id: 4, ruleField: ' Image ', eventField: 'NewProcessName' }],
      flattenEvtx: false,
    })
    expect(options.placeholders?.Admins).toEqual(['b', 'c'])
    expect(Object.hasOwn(options.placeholders ?? {}, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(options.fieldMap).toEqual({ Image: 'NewProcessName' })
    expect(options.flattenEvtx).toBe(false)
    expect(activeOptionCount(options)).toBe(4)
    expect(placeholderName(' %x% ')).toBe('x')
    expect(placeholderName('%')).toBe('%')
  })

  it('carries a forced event layout, and leaves it out when detection is on', () => {
    const rows = { placeholders: [], mappings: [], flattenEvtx: true }
    const forced = optionsFromRows({ ...rows, eventShape: 'winlogbeat' })
    expect(forced).toEqual({ eventShape: 'winlogbeat' })
    expect(activeOptionCount(forced)).toBe(1)
    expect(optionsFromRows({ ...rows, eventShape: undefined })).toEqual({})
  })

  it('produces options the engine applies', () => {
    const rule = dedent`
      title: t
      logsource:
          product: windows
      detection:
          sel:
              Image|endswith: '\\net.exe'
              CommandLine|contains|expand: '%Admins%'
          condition: sel
    `
    const options = optionsFromRows({
      placeholders: [{ id: 1, name: 'Admins', text: 'Domain Admins\nEnterprise Admins' }],
      mappings: [{ id: 2, ruleField: 'Image', eventField: 'NewProcessName' }],
      flattenEvtx: true,
    })
    const compiled = compileRule(rule, options).rule
    expect(compiled).toBeDefined()
    if (!compiled) return
    const event = (command: string) => ({
      NewProcessName: 'C:\\Windows\\System32\\net.exe',
      CommandLine: command,
    })
    expect(evaluate(compiled, event('net group "Enterprise Admins" bob /add'))).toBe(true)
    expect(evaluate(compiled, event('net group "Users" bob /add'))).toBe(false)
    expect(evaluate(compiled, { Image: 'C:\\x\\net.exe', CommandLine: 'Domain Admins' })).toBe(
      false,
    )
  })
})

describe('the panel and the Pipeline tab share the options', () => {
  it("an Options edit keeps the user's pipeline; logsourceOnly is one of the panel's", () => {
    const options = { pipelines: ['name: mine\n'], flattenEvtx: false }
    const rows = { placeholders: [], mappings: [], flattenEvtx: true, logsourceOnly: true }
    expect(mergeRows(options, rows)).toStrictEqual({
      pipelines: ['name: mine\n'],
      logsourceOnly: true,
    })
    expect(activeOptionCount({ logsourceOnly: true })).toBe(1)
  })
})
