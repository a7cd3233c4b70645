import { describe, expect, it } from 'vitest'
import { detectionItemAt } from '../../../src/ui/language/detection-item.ts'
import { rule } from '../rule-fixtures.ts'

describe('detectionItemAt', () => {
  it('finds the item and all its values from the key', () => {
    const item = detectionItemAt(rule, rule.indexOf('DestinationIp|cidr') + 3)
    expect(item?.field).toBe('DestinationIp')
    expect(item?.modifiers).toEqual(['cidr'])
    expect(item?.values.map((v) => v.text)).toEqual(['127.0.0.0/8', '10.0.0.0/8'])
    expect(item?.valueIndex).toBe(-1)
  })

  it('knows which list value the offset is in', () => {
    const item = detectionItemAt(rule, rule.indexOf('10.0.0.0/8') + 2)
    expect(item?.valueIndex).toBe(1)
    expect(rule.slice(item?.values[1]?.start, item?.values[1]?.end)).toBe("'10.0.0.0/8'")
  })

  it('takes the cursor on a list item dash to mean that item', () => {
    const dash = rule.indexOf("- '10.0.0.0/8'")
    expect(detectionItemAt(rule, dash)?.valueIndex).toBe(1)
    const lineEnd = rule.indexOf('\n', dash)
    expect(detectionItemAt(rule, lineEnd)?.valueIndex).toBe(1)
  })

  it('ignores metadata and the condition', () => {
    expect(detectionItemAt(rule, rule.indexOf('network_connection'))).toBeNull()
    expect(detectionItemAt(rule, rule.indexOf('1 of filter'))).toBeNull()
  })

  it('survives broken YAML', () => {
    expect(() => detectionItemAt('detection:\n  sel:\n    a|b: [x\n', 20)).not.toThrow()
  })
})
