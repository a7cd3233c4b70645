import { describe, expect, it } from 'vitest'
import { describeField, describeKeywords } from '../../../src/ui/paint/trace-words.ts'
import type { FieldTrace, KeywordTrace, SearchNodeTrace } from '../../../src/engine/types.ts'
import { dedent } from '../../helpers/dedent.ts'
import { traceOf } from '../rule-fixtures.ts'

const rule = dedent`
  title: Words
  logsource:
      product: windows
  detection:
      sel_cased:
          Image|endswith|cased: '\\Rundll32.exe'
      sel_type:
          DestinationIp|cidr: '10.0.0.0/8'
      sel_null:
          User: 'x'
      sel_all:
          CommandLine|contains|all:
              - 'abc'
              - 'zz'
      sel_num:
          DestinationPort|gte: 1000
      sel_win:
          CommandLine|windash|contains: ' -exec'
      keywords:
          - 'rundll32'
      condition: 1 of them
`

const event = {
  Image: 'C:\\Windows\\System32\\rundll32.exe',
  DestinationIp: 'not-an-ip',
  User: null,
  CommandLine: 'abc /exec',
  DestinationPort: 443,
}

function firstLeaf(node: SearchNodeTrace): FieldTrace | KeywordTrace {
  if (node.type === 'field' || node.type === 'keywords') return node
  const child = node.children[0]
  if (!child) throw new Error('empty group')
  return firstLeaf(child)
}

const words = (() => {
  const trace = traceOf(event, rule)
  const out: Record<string, string> = {}
  for (const search of trace.searches) {
    const leaf = firstLeaf(search.body)
    out[search.name] = leaf.type === 'field' ? describeField(leaf) : describeKeywords(leaf)
  }
  return out
})()

describe('trace in words', () => {
  it('says a cased miss would match ignoring case', () => {
    expect(words.sel_cased).toMatch(/^✗ .*ignoring case.*`cased`/)
  })
  it('says when the field type does not suit the test', () => {
    expect(words.sel_type).toContain("`'not-an-ip'`")
    expect(words.sel_type).toContain('type')
  })
  it('says when the field is null', () => {
    expect(words.sel_null).toContain('null')
  })
  it('names the values an `all` item is missing', () => {
    expect(words.sel_all).toContain('not all values matched')
    expect(words.sel_all).toContain("missing `'zz'`")
  })
  it('shows numbers compared numerically without quotes', () => {
    expect(words.sel_num).toContain('`1000` did not match `DestinationPort` = `443`')
  })
  it('names the windash variant that matched', () => {
    expect(words.sel_win).toMatch(/^✓ .*variant .*\/.* matched `CommandLine` = `'abc \/exec'`/)
  })
  it('says which field a keyword was found in', () => {
    expect(words.keywords).toContain("✓ keyword `'rundll32'` matched `Image`")
  })
})
