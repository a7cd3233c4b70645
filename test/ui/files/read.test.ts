import { describe, expect, it } from 'vitest'
import { kindOfFile, normalizeEventsText } from '../../../src/ui/files/read.ts'
import { ruleFileName } from '../../../src/ui/files/download.ts'

describe('kindOfFile', () => {
  it('goes by extension, and by the editor it landed on otherwise', () => {
    expect(kindOfFile('proc_creation.YML', 'events')).toBe('rule')
    expect(kindOfFile('x.yaml', 'events')).toBe('rule')
    for (const name of ['a.json', 'a.ndjson', 'a.jsonl', 'splunk.csv', 'Security.XML', 'dump.txt'])
      expect(kindOfFile(name, 'rule')).toBe('events')
    expect(kindOfFile('README', 'rule')).toBe('rule')
    expect(kindOfFile('README', 'events')).toBe('events')
  })
})

describe('normalizeEventsText', () => {
  it('drops evtx_dump record headers and a byte-order mark, and nothing else', () => {
    const dump = 'Record 1\n{\n  "a": "Record 2"\n}\nRecord 2\n{"b": 1}\n'
    expect(normalizeEventsText(dump)).toBe('\n{\n  "a": "Record 2"\n}\n\n{"b": 1}\n')
    expect(normalizeEventsText('\ufeff[{"a":1}]')).toBe('[{"a":1}]')
    const plain = '{"note": "Record 1"}\nRecord 2\n'
    expect(normalizeEventsText(plain)).toBe(plain)
  })
})

describe('ruleFileName', () => {
  it('slugs the title', () => {
    expect(ruleFileName('title: Rundll32 Internet Connection\nid: x')).toBe(
      'rundll32_internet_connection.yml',
    )
    expect(ruleFileName("title: '<img src=x> ../../etc/passwd'")).toBe('img_src_x_etc_passwd.yml')
    expect(ruleFileName('detection: {}')).toBe('rule.yml')
  })
})
