/**
 * The flat field names rules use, for Windows events as Winlogbeat and Elastic Agent ship them:
 * `winlog.event_data.*` are the event's own data (Sysmon, Security), and a few `winlog.*`
 * header fields stand for the evtx System elements; Sysmon fields the Sysmon module moved to
 * ECS are read back from there (winlogbeat-sysmon.ts). Each entry keeps its real path.
 */
import { dataName } from './evtx-flatten.ts'
import { Resolved } from './resolved.ts'
import { isObject } from '../json-object.ts'
import { addSysmonMoved } from './winlogbeat-sysmon.ts'

/** `winlog.<key>` → the name the evtx flattening gives the same System value. */
const HEADER_NAMES: Record<string, string> = {
  event_id: 'EventID',
  channel: 'Channel',
  provider_name: 'Provider_Name',
  provider_guid: 'Provider_Guid',
  computer_name: 'Computer',
  record_id: 'EventRecordID',
  version: 'Version',
}

function addData(
  table: Map<string, Resolved>,
  data: Record<string, unknown>,
  base: string,
  nested: boolean,
): void {
  for (const name of Object.keys(data)) {
    const value = data[name]
    const path = `${base}.${name}`
    // user_data keeps its XML root (`user_data.EventXML.Param`); its leaves go by leaf name.
    if (nested && isObject(value)) addData(table, value, path, nested)
    else table.set(dataName(name), new Resolved(path, value))
  }
}

/** The flat table, or undefined when the body has no `winlog` object. `base` prefixes paths. */
export function flattenWinlogbeat(body: unknown, base = ''): Map<string, Resolved> | undefined {
  if (!isObject(body)) return undefined
  const winlog = body['winlog']
  if (!isObject(winlog)) return undefined
  const root = base ? `${base}.winlog` : 'winlog'
  const table = new Map<string, Resolved>()
  for (const key of Object.keys(HEADER_NAMES)) {
    if (Object.hasOwn(winlog, key))
      table.set(HEADER_NAMES[key] as string, new Resolved(`${root}.${key}`, winlog[key]))
  }
  const process = winlog['process']
  if (isObject(process)) {
    if (Object.hasOwn(process, 'pid'))
      table.set('Execution_ProcessID', new Resolved(`${root}.process.pid`, process['pid']))
    const thread = process['thread']
    if (isObject(thread) && Object.hasOwn(thread, 'id'))
      table.set('Execution_ThreadID', new Resolved(`${root}.process.thread.id`, thread['id']))
  }
  // Later parts win on a clash, as in the evtx flattening: the event's own data last.
  const userData = winlog['user_data']
  if (isObject(userData)) addData(table, userData, `${root}.user_data`, true)
  const eventData = winlog['event_data']
  if (isObject(eventData)) addData(table, eventData, `${root}.event_data`, false)
  // Sysmon's data moved to ECS fields by the module, where event_data no longer has it.
  addSysmonMoved(table, body, base)
  return table
}
