// Event shapes (issue 7): detection per record, each envelope and layout, CSV and containers,
// the override, and the default rule giving the same verdicts in every shape.
import { describe, expect, it } from 'vitest'
import {
  compileRule,
  detectShape,
  locateFields,
  parseEvents,
  summarizeShapes,
} from '../../../src/engine/index.ts'
import { explain, verdict } from '../../helpers/judge.ts'
import { DEFAULT_EVENT_LIST } from '../../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../../src/ui/defaults/rule.ts'
import {
  csvForm,
  elasticHit,
  elasticResponse,
  splunkLine,
  splunkRawForm,
  splunkResults,
  winlogbeatForm,
} from './shape-forms.ts'

const flat = DEFAULT_EVENT_LIST as unknown as Record<string, unknown>[]
const winlogbeat = flat.map(winlogbeatForm)
const ndjson = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n')
const RAW = 'Splunk _raw · Windows event log'

describe('the default rule in every shape', () => {
  const rule = compileRule(DEFAULT_RULE).rule
  if (!rule) throw new Error('default rule does not compile')
  const verdicts = (text: string) => parseEvents(text).events.map((e) => verdict(rule, e.value))
  const expected = verdicts(JSON.stringify(flat))
  it.each([
    ['Winlogbeat', ndjson(winlogbeat), 'Winlogbeat'],
    ['Elastic hit lines', ndjson(winlogbeat.map(elasticHit)), 'Elastic hits · Winlogbeat'],
    [
      'Elastic search response',
      JSON.stringify(elasticResponse(winlogbeat)),
      'Elastic hits · Winlogbeat',
    ],
    ['Splunk lines', ndjson(flat.map(splunkLine)), 'Splunk results'],
    ['Splunk results', JSON.stringify(splunkResults(flat), null, 2), 'Splunk results'],
    ['CSV', csvForm(flat), 'flat JSON'],
    ['Splunk lines of XML in _raw', ndjson(flat.map(splunkRawForm).map(splunkLine)), RAW],
    ['Splunk CSV of XML in _raw', csvForm(flat.map(splunkRawForm)), RAW],
  ])('%s', (_, text, label) => {
    expect(expected.filter((v) => v.match).length).toBe(2)
    expect(verdicts(text)).toEqual(expected)
    const values = parseEvents(text).events.map((e) => e.value)
    expect(summarizeShapes(values).label).toBe(label)
  })
})

describe('detection', () => {
  it('opens envelopes and names the layout', () => {
    const body = { winlog: { event_id: '1', event_data: { Image: 'x' } } }
    expect(detectShape(body)).toMatchObject({ envelope: 'none', body: 'winlogbeat', base: '' })
    expect(detectShape({ _index: 'i', _source: body })).toMatchObject({
      envelope: 'elastic',
      body: 'winlogbeat',
      base: '_source',
    })
    expect(detectShape({ preview: false, result: { Image: 'x' } })).toMatchObject({
      envelope: 'splunk',
      body: 'flat',
      base: 'result',
    })
    const ecs = { '@timestamp': 't', process: { executable: 'x' } }
    expect(detectShape(ecs).body).toBe('ecs')
    expect(detectShape({ Event: { System: {} } }).body).toBe('evtx')
    // Splunk's Windows add-on: EventCode alone; its XML events carry EventID beside it.
    expect(detectShape({ preview: false, result: { EventCode: '4624' } })).toMatchObject({
      envelope: 'splunk',
      body: 'splunk-windows',
    })
    expect(detectShape({ EventCode: 1, EventID: 1 }).body).toBe('flat')
  })

  it("reads the Windows XML in a Splunk record's `_raw`, and only that", () => {
    const raw = splunkRawForm({ EventID: 1, Image: 'C:\\x.exe' })
    expect(detectShape(raw)).toMatchObject({ envelope: 'splunk-raw', body: 'evtx', base: '_raw' })
    expect(detectShape(splunkLine(raw))).toMatchObject({
      envelope: 'splunk-raw',
      base: 'result._raw',
      value: { Event: { EventData: { Image: 'C:\\x.exe' } } },
    })
    // Classic WinEventLog text, broken XML, and the switch that reads every record as it is.
    expect(detectShape({ _raw: 'LogName=Security\nEventCode=4624' }).body).toBe('flat')
    expect(detectShape({ _raw: '<Event><System>' }).body).toBe('flat')
    expect(detectShape(raw, undefined, false)).toMatchObject({ envelope: 'none', body: 'flat' })
    expect(detectShape(raw, 'flat')).toMatchObject({ envelope: 'none', body: 'flat' })
  })

  it('leaves look-alikes flat: a `result` without `preview`, a `_source` without `_index`', () => {
    expect(detectShape({ result: { a: 1 } })).toMatchObject({ envelope: 'none', body: 'flat' })
    expect(detectShape({ _source: { a: 1 } })).toMatchObject({ envelope: 'none', body: 'flat' })
    expect(detectShape({ winlog: 'text' }).body).toBe('flat')
    expect(detectShape('a string').body).toBe('flat')
  })

  it('says "(mixed)" when the events differ', () => {
    expect(summarizeShapes([winlogbeat[0], flat[0], winlogbeat[1]]).label).toBe(
      'Winlogbeat (mixed)',
    )
    expect(summarizeShapes([]).label).toBe('flat JSON')
  })
})

describe('reading each shape', () => {
  const rule = compileRule(
    'detection:\n  sel:\n    EventID: 1\n    Image|endswith: \\rundll32.exe\n  condition: sel\n',
  ).rule
  if (!rule) throw new Error('rule does not compile')
  const hit = { winlog: { event_id: '1', event_data: { Image: 'C:\\rundll32.exe' } } }

  it('paints the real path of a mapped field, inside its envelope', () => {
    const text = JSON.stringify({ _index: 'i', _id: '1', _source: hit })
    const record = parseEvents(text).events[0]
    if (!record) throw new Error('no event')
    const trace = explain(rule, record.value)
    expect(trace.match).toBe(true)
    const found = locateFields(text, record.range, ['_source.winlog.event_data.Image'])
    const at = found['_source.winlog.event_data.Image']
    expect(at && text.slice(...at.valueRange)).toBe('"C:\\\\rundll32.exe"')
  })

  it("paints the fields the rule read inside Splunk's _raw, where they are written", () => {
    const event = splunkRawForm({
      EventID: 1,
      Image: 'C:\\rundll32.exe',
      CommandLine: '"a & b" <c>',
    })
    // Quotes in XML text need no escape: JSON escapes them, CSV doubles them.
    event._raw = String(event._raw).replaceAll('&quot;', '"')
    const pathsOf = (trace: unknown): string[] =>
      JSON.stringify(trace)
        .match(/"path":"[^"]*"/g)
        ?.map((p) => JSON.parse(`{${p}}`).path) ?? []
    for (const text of [JSON.stringify(splunkLine(event)), csvForm([event])]) {
      const record = parseEvents(text).events[0]
      if (!record) throw new Error('no event')
      const trace = explain(rule, record.value)
      expect(trace.match).toBe(true)
      const imagePath = `${text.startsWith('{') ? 'result.' : ''}_raw.Event.EventData.Image`
      expect(pathsOf(trace)).toContain(imagePath)
      const commandLinePath = imagePath.replace('Image', 'CommandLine')
      const found = locateFields(text, record.range, [...pathsOf(trace), commandLinePath])
      const image = found[imagePath]
      // As written: JSON escapes the backslash, the XML needs none.
      expect(image && text.slice(...image.valueRange)).toBe(
        text.startsWith('{') ? 'C:\\\\rundll32.exe' : 'C:\\rundll32.exe',
      )
      expect(image && text.slice(...image.keyRange)).toBe("<Data Name='Image'>")
      const commandLine = found[commandLinePath]
      expect(commandLine && text.slice(...commandLine.valueRange)).toBe(
        text.startsWith('{') ? '\\"a &amp; b\\" &lt;c&gt;' : '""a &amp; b"" &lt;c&gt;',
      )
    }
  })

  it('forces a layout when asked, or reads everything flat', () => {
    const forced = compileRule('detection:\n  sel:\n    Image: x\n  condition: sel\n', {
      eventShape: 'flat',
    }).rule
    expect(forced && verdict(forced, { winlog: { event_data: { Image: 'x' } } }).match).toBe(false)
    const noFlatten = compileRule('detection:\n  sel:\n    Image: x\n  condition: sel\n', {
      flattenEvtx: false,
    }).rule
    expect(noFlatten && verdict(noFlatten, { winlog: { event_data: { Image: 'x' } } }).match).toBe(
      false,
    )
  })

  it('keyword search looks inside the envelope only', () => {
    const keywords = compileRule('detection:\n  kw:\n    - winlogbeat\n  condition: kw\n').rule
    if (!keywords) throw new Error('rule does not compile')
    const record = { _index: 'winlogbeat-8', _id: '1', _source: hit }
    expect(verdict(keywords, record).match).toBe(false)
  })

  it('maps the Winlogbeat header to the evtx names', () => {
    const header = compileRule(
      'detection:\n  sel:\n    Channel: Security\n    Computer: pc\n    Provider_Name: p\n    Execution_ProcessID: 4\n  condition: sel\n',
    ).rule
    const event = {
      winlog: {
        channel: 'Security',
        computer_name: 'pc',
        provider_name: 'p',
        process: { pid: 4 },
      },
    }
    expect(header && verdict(header, event).match).toBe(true)
  })
})

describe('CSV', () => {
  it('reads a header row, quoted cells with commas, quotes and line breaks', () => {
    const text = 'a,b,c\r\n1,"x, ""y""\nz",\n2,,""\n'
    const parsed = parseEvents(text)
    expect(parsed.format).toBe('csv')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.events.map((e) => e.value)).toEqual([
      { a: '1', b: 'x, "y"\nz' },
      { a: '2', c: '' },
    ])
    expect(text.slice(...(parsed.events[1]?.range ?? [0, 0]))).toBe('2,,""')
  })

  it('reports a bad row at its position and keeps the others', () => {
    const text = 'a,b\n"1"x,2\n3,4,5\n6,7\n'
    const parsed = parseEvents(text)
    expect(parsed.events.map((e) => e.value)).toEqual([
      { a: '3', b: '4' },
      { a: '6', b: '7' },
    ])
    expect(parsed.diagnostics.map((d) => [d.message, text.slice(...d.range)])).toEqual([
      ['Invalid CSV: expected a comma or a line break after a quoted cell', 'x'],
      ['CSV row has 3 cells, the header names 2', '5'],
    ])
  })

  it('locates a row’s cells under the header’s names', () => {
    const text = 'Image,EventID\nC:\\a.exe,1\n'
    const record = parseEvents(text).events[0]
    if (!record) throw new Error('no event')
    const found = locateFields(text, record.range, ['EventID'])
    expect(found.EventID && text.slice(...found.EventID.keyRange)).toBe('EventID')
    expect(found.EventID && text.slice(...found.EventID.valueRange)).toBe('1')
  })

  it('keeps a __proto__ column an ordinary field', () => {
    const value = parseEvents('__proto__,b\n1,2\n').events[0]?.value as Record<string, unknown>
    expect(Object.hasOwn(value, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })
})
