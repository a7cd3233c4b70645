// The one-line reasons shown per row, built from real engine traces.
import { describe, expect, it } from 'vitest'
import { compileRule } from '../../src/engine/index.ts'
import { compiled, explain, verdict } from '../helpers/judge.ts'
import { shorten, summarizeTrace, summarizeVerdict } from '../../src/worker/summary.ts'
import { DEFAULT_EVENT_LIST } from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'
import { dedent } from '../helpers/dedent.ts'

const rule = compileRule(DEFAULT_RULE).rule
if (!rule) throw new Error('the default rule must compile')
const summary = (index: number) => summarizeTrace(explain(rule, DEFAULT_EVENT_LIST[index]))

describe('summarizeTrace on the default rule', () => {
  it('names the selection and the values that matched', () => {
    expect(summary(0)).toBe(
      'matched: selection (Image C:\\Windows\\System32\\rundll32.exe ends with \\rundll32.exe, Initiated true)',
    )
  })

  it('names the filter, the field, the value and the network that excluded an event', () => {
    expect(summary(1)).toBe(
      'excluded by filter_main_local_ranges: DestinationIp 10.2.3.4 in 10.0.0.0/8',
    )
    expect(summary(3)).toBe(
      'excluded by filter_main_ms_ranges: DestinationIp 20.190.159.64 in 20.0.0.0/8',
    )
  })

  it('lists every item of a multi-field filter', () => {
    expect(summary(6)).toBe(
      'excluded by filter_main_svchost_update_processes: ParentImage C:\\Windows\\System32\\svchost.exe, DestinationPort 443',
    )
  })

  it('says which item of the selection failed, with the actual value', () => {
    expect(summary(7)).toMatch(/^selection failed on Image: .*chrome\.exe$/)
  })

  it("names an empty value as '', not as a gap", () => {
    const text = dedent`
      title: t
      logsource: { product: x }
      detection:
        sel:
          Image|endswith: '.exe'
        filter:
          DestinationHostname: ''
        condition: sel and not filter
    `
    const filtered = compiled(text)
    const event = { Image: 'a.exe', DestinationHostname: '' }
    expect(summarizeTrace(explain(filtered, event))).toBe(
      "excluded by filter: DestinationHostname ''",
    )
    expect(summarizeTrace(explain(filtered, { Image: 'a.dll', DestinationHostname: ' ' }))).toBe(
      'sel failed on Image: a.dll',
    )
    expect(shorten('')).toBe("''")
    expect(shorten(' \t')).toBe("' '")
  })

  it('says when the field is absent', () => {
    expect(summarizeTrace(explain(rule, { Initiated: 'true' }))).toBe(
      'selection failed on Image (absent)',
    )
  })

  it('handles or, keywords and "all of"', () => {
    const text = dedent`
      title: t
      logsource: { product: x }
      detection:
        keywords:
          - mimikatz
        sel:
          User: admin
        condition: keywords or sel
    `
    const either = compiled(text)
    expect(summarizeTrace(explain(either, { CommandLine: 'run mimikatz now' }))).toBe(
      "matched: keywords (keyword 'mimikatz')",
    )
    expect(summarizeTrace(explain(either, { User: 'bob' }))).toBe(
      'keywords failed on keywords; sel failed on User: bob',
    )
  })
})

describe('summarizeVerdict', () => {
  it('names deciding identifiers without a trace', () => {
    expect(summarizeVerdict(verdict(rule, DEFAULT_EVENT_LIST[0]))).toBe('matched: selection')
    expect(summarizeVerdict(verdict(rule, DEFAULT_EVENT_LIST[5]))).toBe(
      'excluded by filter_main_azure_managed',
    )
    expect(summarizeVerdict(verdict(rule, DEFAULT_EVENT_LIST[7]))).toBe('selection failed')
  })
})

describe('shorten', () => {
  it('keeps short values and cuts long ones in the middle, keeping the tail', () => {
    expect(shorten('short')).toBe('short')
    const long = 'C:\\Users\\someone\\AppData\\Local\\Temp\\a-very-long-folder-name\\invoice.dll'
    const cut = shorten(long, 30)
    expect(cut).toHaveLength(30)
    expect(cut.endsWith('invoice.dll')).toBe(true)
    expect(cut).toContain('…')
  })
})
