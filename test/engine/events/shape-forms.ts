/**
 * The same Windows event written the ways SIEMs export it, built from its evtx_dump form: the
 * flat Sysmon names, Winlogbeat, an Elastic hit line, an Elastic search response, a Splunk
 * export line, a Splunk results document and CSV. Tests compare verdicts across these forms.
 */
import { flattenEvtx } from '../../../src/engine/match/evtx-flatten.ts'

type Json = Record<string, unknown>

/** `Image`, `EventID`, `Channel`… exactly as the evtx flattening names them. */
export function flatForm(evtx: unknown): Json {
  const table = flattenEvtx(evtx)
  if (!table) throw new Error('not an evtx_dump event')
  return Object.fromEntries([...table].map(([name, resolved]) => [name, resolved.value]))
}

/** Flat names that Winlogbeat keeps in its `winlog` header rather than in `event_data`. */
const HEADER: Record<string, string[]> = {
  EventID: ['event_id'],
  Channel: ['channel'],
  Provider_Name: ['provider_name'],
  Provider_Guid: ['provider_guid'],
  Computer: ['computer_name'],
  EventRecordID: ['record_id'],
  Version: ['version'],
  Execution_ProcessID: ['process', 'pid'],
  Execution_ThreadID: ['process', 'thread', 'id'],
}

/** Winlogbeat 8 writes `event_id` as a string; the rest keeps the flat value. */
export function winlogbeatForm(flat: Json): Json {
  const winlog: Json = { event_data: {} }
  for (const [name, value] of Object.entries(flat)) {
    const path = HEADER[name]
    if (!path) {
      ;(winlog.event_data as Json)[name] = value
      continue
    }
    let node = winlog
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Json
    node[path[path.length - 1] as string] = name === 'EventID' ? String(value) : value
  }
  return { '@timestamp': '2024-05-01T10:00:00.000Z', event: { kind: 'event' }, winlog }
}

export const elasticHit = (source: unknown, i: number) => ({
  _index: '.ds-winlogbeat-8.13.0-2024.05.01-000001',
  _id: `hit-${i}`,
  _score: 1,
  _source: source,
})

export const elasticResponse = (sources: unknown[]) => ({
  took: 3,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: { total: { value: sources.length, relation: 'eq' }, hits: sources.map(elasticHit) },
})

export const splunkLine = (result: unknown) => ({ preview: false, result })

export const splunkResults = (results: unknown[]) => ({
  preview: false,
  init_offset: 0,
  messages: [],
  results: results.map(splunkLine),
})

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return `"${text.replace(/"/g, '""')}"`
}

/** Every column of every event; a field an event lacks is an empty unquoted cell. */
export function csvForm(events: Json[]): string {
  const columns = [...new Set(events.flatMap((e) => Object.keys(e)))]
  const rows = events.map((e) => columns.map((c) => csvCell(e[c])).join(','))
  return [columns.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n'
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  )

/** A scalar as XML text: XML has no other kind, and `null` is an empty element. */
const scalarText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : ''
const xmlText = (value: unknown) => escapeXml(scalarText(value))

function xmlElement(name: string, value: unknown, inEventData: boolean): string {
  if (Array.isArray(value)) return value.map((v) => xmlElement(name, v, inEventData)).join('')
  if (inEventData) return `<Data Name="${escapeXml(name)}">${xmlText(value)}</Data>`
  if (value === null || typeof value !== 'object') return `<${name}>${xmlText(value)}</${name}>`
  const { '#attributes': attributes, '#text': text, ...children } = value as Json
  const attrs = Object.entries((attributes ?? {}) as Json)
    .map(([key, v]) => ` ${key}="${xmlText(v)}"`)
    .join('')
  const inner =
    (text === undefined ? '' : xmlText(text)) +
    Object.entries(children)
      .map(([key, v]) => xmlElement(key, v, name === 'EventData'))
      .join('')
  return `<${name}${attrs}>${inner}</${name}>`
}

/**
 * The event as Event Viewer's XML view shows it. Every value becomes text (`3` and `"3"` are
 * one), so compare with `xmlValues` of the evtx form.
 */
export function windowsXmlForm(evtx: unknown): string {
  return xmlElement('Event', (evtx as Json)['Event'], false)
}

/**
 * A flat Sysmon event as a Splunk record of XmlWinEventLog: the event's XML in `_raw`, its
 * attributes in single quotes as Splunk renders them, beside Splunk's own fields.
 */
export function splunkRawForm(flat: Json): Json {
  const { EventID, ...data } = flat
  const channel = 'Microsoft-Windows-Sysmon/Operational'
  const provider = { '#attributes': { Name: 'Microsoft-Windows-Sysmon' } }
  const xml = windowsXmlForm({
    Event: { System: { Provider: provider, EventID, Channel: channel }, EventData: data },
  })
  return {
    _time: '2024-03-14T09:12:44.000+00:00',
    host: 'ws-fin-0142',
    source: `XmlWinEventLog:${channel}`,
    sourcetype: 'xmlwineventlog',
    _raw: xml.replace(/ ([\w:]+)="([^"]*)"/g, " $1='$2'"),
  }
}

/** A Sysmon network connection (EventID 3) with these data fields, as XML. */
export const networkEventXml = (data: object) =>
  windowsXmlForm({ Event: { System: { EventID: 3 }, EventData: data } })

/** Events' XML saved as one file: in `<Events>`, one to a line. */
export const savedXmlFile = (events: string[]) => `<Events>\n${events.join('\n')}\n</Events>\n`

/** The evtx form with every scalar as the text XML keeps of it. */
export function xmlValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(xmlValues)
  if (value === null || typeof value !== 'object') return scalarText(value)
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlValues(v)]))
}

/** A process start (Sysmon 1) as Winlogbeat's Sysmon module ships it, much of it moved to ECS. */
export const winlogbeatProcessStart = {
  '@timestamp': '2024-03-14T09:15:02.100Z',
  event: { code: '1', module: 'sysmon' },
  winlog: {
    channel: 'Microsoft-Windows-Sysmon/Operational',
    event_id: '1',
    event_data: { IntegrityLevel: 'High', LogonId: '0x3e7' },
  },
  process: {
    executable: 'C:\\Windows\\System32\\whoami.exe',
    command_line: 'whoami /priv',
    pe: { original_file_name: 'whoami.exe' },
    hash: { sha256: 'aa11', md5: 'bb22' },
    parent: { executable: 'C:\\Windows\\System32\\cmd.exe', command_line: 'cmd.exe' },
  },
  user: { domain: 'NT AUTHORITY', name: 'SYSTEM' },
}
