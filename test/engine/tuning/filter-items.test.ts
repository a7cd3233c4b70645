// The item a user's explicit "filter out this value" adds: what suggestions leave out (an empty
// value, a very long one) is still filtered, exactly, and the YAML it writes means just that.
import { describe, expect, it } from 'vitest'
import { candidates, evaluate, itemForValue, itemYaml } from '../../../src/engine/index.ts'
import { compiled } from '../../helpers/judge.ts'

const ruleWith = (filterItem: string) =>
  `title: t\nlogsource: {product: windows}\ndetection:\n  selection:\n    EventID: 3\n  filter:\n    ${filterItem}\n  condition: selection and not filter\n`

function verdicts(rule: string, events: object[]): boolean[] {
  const tested = compiled(rule)
  return events.map((event) => evaluate(tested, event) === true)
}

describe('itemForValue', () => {
  it('filters an empty value as one, where suggestions offer nothing', () => {
    expect(candidates('DestinationHostname', '')).toEqual([])
    const item = itemForValue('DestinationHostname', '')
    expect(itemYaml(item)).toBe("DestinationHostname: ''")
    // Only the event whose value is empty goes; one without the field stays.
    const events = [
      { EventID: 3, DestinationHostname: '' },
      { EventID: 3 },
      { EventID: 3, DestinationHostname: 'example.com' },
    ]
    expect(verdicts(ruleWith(itemYaml(item)), events)).toEqual([false, true, true])
  })

  it('filters a value too long to be suggested by the whole text', () => {
    const long = `powershell.exe -enc ${'A'.repeat(500)}*?`
    expect(candidates('CommandLine', long)).toEqual([])
    const yaml = itemYaml(itemForValue('CommandLine', long))
    const events = [
      { EventID: 3, CommandLine: long },
      { EventID: 3, CommandLine: `${long} more` },
    ]
    expect(verdicts(ruleWith(yaml), events)).toEqual([false, true])
  })

  it('takes the narrowest candidate when there is one', () => {
    expect(itemForValue('Image', 'C:\\Windows\\System32\\cmd.exe')).toEqual(
      candidates('Image', 'C:\\Windows\\System32\\cmd.exe')[0],
    )
  })
})
