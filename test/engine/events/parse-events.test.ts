import { describe, expect, test } from 'vitest'
import { parseEvents } from '../../../src/engine/events/parse-events.ts'
import { readsCorpus } from '../../corpus/corpus-test.ts'
import { regressionEventText } from '../match/corpus-events.ts'

/** The text each record's range covers, parsed back. */
const rangesRoundTrip = (text: string) =>
  parseEvents(text).events.map((e) => JSON.parse(text.slice(e.range[0], e.range[1])) as unknown)

describe('parseEvents: the four forms', () => {
  test('empty and whitespace-only text', () => {
    expect(parseEvents('')).toEqual({ format: 'empty', events: [], diagnostics: [] })
    expect(parseEvents(' \n\t ')).toEqual({ format: 'empty', events: [], diagnostics: [] })
  })

  test('a single object', () => {
    const text = '  {"a": 1, "b": "}"}\n'
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('object')
    expect(parsed.events).toEqual([{ value: { a: 1, b: '}' }, range: [2, 20] }])
    expect(parsed.diagnostics).toEqual([])
  })

  test('a JSON array, each element with its exact range', () => {
    const text = '[\n  {"a": [1, {"b": "]"}]},\n  {"c": "\\"q\\""}\n]'
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('array')
    expect(parsed.events.map((e) => e.value)).toEqual([{ a: [1, { b: ']' }] }, { c: '"q"' }])
    expect(rangesRoundTrip(text)).toEqual(parsed.events.map((e) => e.value))
    expect(parsed.events[0]?.range).toEqual([4, 26])
  })

  test('NDJSON, blank lines allowed', () => {
    const text = '{"a":1}\n\n{"a":2}\r\n{"a":3}'
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('ndjson')
    expect(parsed.events.map((e) => e.range)).toEqual([
      [0, 7],
      [9, 16],
      [18, 25],
    ])
  })

  test('pretty-printed objects one after another (evtx_dump)', () => {
    const text = '{\n  "a": 1\n}\n{\n  "a": 2\n}\n\n{\n  "a": 3\n}\n'
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('concatenated')
    expect(parsed.events.map((e) => e.value)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }])
    expect(rangesRoundTrip(text)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }])
  })

  test('real regression files: one object, and several concatenated', readsCorpus, () => {
    const single = parseEvents(
      regressionEventText(
        'rules/windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json',
      ),
    )
    expect(single.format).toBe('object')
    expect(single.events).toHaveLength(1)
    expect(single.diagnostics).toEqual([])
    const text = regressionEventText(
      'rules-emerging-threats/2025/Malware/Shai-Hulud/proc_creation_win_mal_shai_hulud_malicious_node_bun_execution/5299fadf-f228-4526-8274-251db1960be9.json',
    )
    const several = parseEvents(text)
    expect(several.format).toBe('concatenated')
    expect(several.events).toHaveLength(6)
    expect(several.diagnostics).toEqual([])
    for (const event of several.events) {
      expect(text[event.range[0]]).toBe('{')
      expect(text[event.range[1] - 1]).toBe('}')
    }
  })
})

describe('parseEvents: errors with positions, never throwing', () => {
  test('a broken NDJSON line is reported at the offending character; the others still load', () => {
    const text = '{"a":1}\n{"a":}\n{"a":3}'
    const parsed = parseEvents(text)
    expect(parsed.events.map((e) => e.value)).toEqual([{ a: 1 }, { a: 3 }])
    expect(parsed.diagnostics).toHaveLength(1)
    expect(parsed.diagnostics[0]?.range).toEqual([13, 14])
    expect(text[13]).toBe('}')
  })

  test('a broken array element: the error offset, and the readable elements', () => {
    const text = '[{"a":1},{"a":x},{"a":3}]'
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('array')
    expect(parsed.diagnostics[0]?.range).toEqual([14, 15])
    expect(parsed.events.map((e) => e.value)).toEqual([{ a: 1 }, { a: 3 }])
  })

  test('an unterminated object at the end', () => {
    const text = '{"a":1}\n{"b": [1, 2'
    const parsed = parseEvents(text)
    expect(parsed.events.map((e) => e.value)).toEqual([{ a: 1 }])
    expect(parsed.diagnostics).toHaveLength(1)
    expect(parsed.diagnostics[0]?.range[0]).toBe(text.length)
  })

  test('an unterminated string resumes at the next record', () => {
    const text = '{"a": "open\n}\n{"b": 2}'
    const parsed = parseEvents(text)
    expect(parsed.events.map((e) => e.value)).toEqual([{ b: 2 }])
    expect(parsed.diagnostics).toHaveLength(1)
  })

  test('trailing commas, garbage, commas between objects', () => {
    expect(parseEvents('{"a":1,}').diagnostics[0]?.range).toEqual([7, 8])
    const garbage = parseEvents('{"a":1} nonsense')
    expect(garbage.events).toHaveLength(1)
    expect(garbage.diagnostics[0]?.range).toEqual([8, 9])
    const commas = parseEvents('{"a":1},\n{"a":2}')
    expect(commas.events).toHaveLength(2)
    expect(commas.diagnostics[0]?.range).toEqual([7, 8])
    expect(parseEvents('[{"a":1}] x').diagnostics[0]?.range).toEqual([10, 11])
  })

  test('deep nesting and odd input do not throw', () => {
    const deep = '['.repeat(100_000)
    expect(() => parseEvents(deep)).not.toThrow()
    expect(parseEvents(deep).diagnostics.length).toBeGreaterThan(0)
    expect(() => parseEvents('\u0000\uFFFF"')).not.toThrow()
  })
})

describe('parseEvents: size', () => {
  test('50 MB of NDJSON parses in well under a few seconds', () => {
    const line = JSON.stringify({
      Image: 'C:\\Windows\\System32\\cmd.exe',
      CommandLine: 'cmd /c "echo {x}"',
      n: 1,
    })
    const count = Math.ceil(50_000_000 / (line.length + 1))
    const text = `${line}\n`.repeat(count)
    const start = performance.now()
    const parsed = parseEvents(text)
    const elapsed = performance.now() - start
    expect(parsed.events).toHaveLength(count)
    expect(parsed.format).toBe('ndjson')
    expect(elapsed).toBeLessThan(8000)
  })
})

describe('parseEvents: diagnostics carry a code and a severity', () => {
  test.each([
    ['{"a":1}\n{"a":\n', 'EVENTS_SYNTAX'],
    ['[{"a":1},{"a":]', 'EVENTS_SYNTAX'],
    ['{"a":1},\n{"a":2}', 'EVENTS_SEPARATOR'],
    ['[{"a":1}] trailing', 'EVENTS_TRAILING_TEXT'],
  ])('%j gives %s', (text, code) => {
    const { diagnostics } = parseEvents(text)
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, 'error']])
  })
})
