/**
 * Winlogbeat's Sysmon module (and Elastic Agent's Windows integration) moves much of a Sysmon
 * event's data out of `winlog.event_data` into Elastic Common Schema fields: Image becomes
 * `process.executable`, DestinationIp `destination.ip`, Initiated `network.direction`
 * (egress or ingress), User `user.domain` and `user.name`, Hashes `process.hash.*`. Rules name
 * the Sysmon fields, so each one the module moved is read back from where it went, only when
 * `event_data` no longer has it. Every entry keeps the path of the field it was read from.
 */
import { isObject } from '../json-object.ts'
import { resolveLiteralOrDotted } from './field-path.ts'
import { Resolved } from './resolved.ts'

type Moves = Readonly<Record<string, string>>

const PROCESS: Moves = {
  ProcessGuid: 'process.entity_id',
  ProcessId: 'process.pid',
  Image: 'process.executable',
}
const PROCESS_START: Moves = {
  ...PROCESS,
  CommandLine: 'process.command_line',
  CurrentDirectory: 'process.working_directory',
  ParentProcessGuid: 'process.parent.entity_id',
  ParentProcessId: 'process.parent.pid',
  ParentImage: 'process.parent.executable',
  ParentCommandLine: 'process.parent.command_line',
  OriginalFileName: 'process.pe.original_file_name',
}
const FILE: Moves = { ...PROCESS, TargetFilename: 'file.path' }
const NETWORK: Moves = {
  ...PROCESS,
  Protocol: 'network.transport',
  SourceIp: 'source.ip',
  SourceHostname: 'source.domain',
  SourcePort: 'source.port',
  DestinationIp: 'destination.ip',
  DestinationHostname: 'destination.domain',
  DestinationPort: 'destination.port',
  DestinationPortName: 'network.protocol',
}
const SOURCE_PROCESS: Moves = {
  SourceProcessGuid: 'process.entity_id',
  SourceProcessGUID: 'process.entity_id',
  SourceProcessId: 'process.pid',
  SourceThreadId: 'process.thread.id',
  SourceImage: 'process.executable',
}
const PIPE: Moves = { ...PROCESS, PipeName: 'file.name' }

/** Per Sysmon event ID, the fields the module renames and where to. */
const MOVED: Readonly<Record<number, Moves>> = {
  1: PROCESS_START,
  2: FILE,
  3: NETWORK,
  5: PROCESS,
  6: { ImageLoaded: 'file.path' },
  7: { ...PROCESS, ImageLoaded: 'file.path', OriginalFileName: 'file.pe.original_file_name' },
  8: SOURCE_PROCESS,
  9: { ...PROCESS, Device: 'file.path' },
  10: SOURCE_PROCESS,
  11: FILE,
  12: PROCESS,
  13: PROCESS,
  14: PROCESS,
  15: FILE,
  17: PIPE,
  18: PIPE,
  20: { Destination: 'process.executable' },
  22: { ...PROCESS, QueryName: 'dns.question.name' },
  23: FILE,
  24: PROCESS,
  25: PROCESS,
}

/** Where the module puts the hashes it splits out of Hashes (or Hash, for event 15). */
const HASHED: Readonly<Record<number, { field: string; namespace: string }>> = {
  1: { field: 'Hashes', namespace: 'process' },
  6: { field: 'Hashes', namespace: 'file' },
  7: { field: 'Hashes', namespace: 'file' },
  15: { field: 'Hash', namespace: 'file' },
  23: { field: 'Hashes', namespace: 'process' },
  24: { field: 'Hashes', namespace: 'process' },
  25: { field: 'Hashes', namespace: 'process' },
}

/**
 * Whether the module (or the ingest pipeline doing its work) processed the event: it sets
 * `event.module`, and it is what puts a `process` object beside `winlog`. Events shipped
 * without it keep event_data whole, and cost nothing here.
 */
function byModule(table: Map<string, Resolved>, body: Record<string, unknown>): boolean {
  const event = body['event']
  if (isObject(event) && event['module'] === 'sysmon') return true
  const sysmon =
    table.get('Channel')?.value === 'Microsoft-Windows-Sysmon/Operational' ||
    table.get('Provider_Name')?.value === 'Microsoft-Windows-Sysmon'
  return sysmon && isObject(body['process'])
}

/** Adds to `table` the Sysmon fields the module moved out of `event_data`, read back. */
export function addSysmonMoved(
  table: Map<string, Resolved>,
  body: Record<string, unknown>,
  base: string,
): void {
  if (!byModule(table, body)) return
  const eventId = Number(table.get('EventID')?.value)
  const at = (path: string) => {
    const found = resolveLiteralOrDotted(body, path)
    return found && (base ? new Resolved(`${base}.${found.path}`, found.value) : found)
  }
  // Only what event_data lacks is read back: a field it still has wins.
  const put = (name: string, found: Resolved | undefined) => {
    if (found !== undefined) table.set(name, found)
  }
  const lacks = (name: string) => !table.has(name)
  const moves = MOVED[eventId] ?? {}
  for (const name in moves) if (lacks(name)) put(name, at(moves[name] as string))
  if (lacks('RuleName')) put('RuleName', at('rule.name'))
  if (lacks('User')) put('User', joinedUser(at('user.domain'), at('user.name')))
  if (eventId === 3) {
    if (lacks('Initiated'))
      put('Initiated', fromWords(at('network.direction'), 'egress', 'ingress'))
    const ipv6 = fromWords(at('network.type'), 'ipv6', 'ipv4')
    if (lacks('SourceIsIpv6')) put('SourceIsIpv6', ipv6)
    if (lacks('DestinationIsIpv6')) put('DestinationIsIpv6', ipv6)
  }
  const hashed = HASHED[eventId]
  if (hashed && lacks(hashed.field)) {
    const { namespace } = hashed
    put(hashed.field, joinedHashes(at(`${namespace}.hash`), at(`${namespace}.pe.imphash`)))
  }
}

/** `DOMAIN\name`, as Sysmon writes User, from the two halves the module split it into. */
function joinedUser(domain: Resolved | undefined, name: Resolved | undefined) {
  if (typeof domain?.value !== 'string' || typeof name?.value !== 'string') return undefined
  return new Resolved(name.path, `${domain.value}\\${name.value}`)
}

/** 'true' or 'false' from the module's word for it (egress/ingress, ipv6/ipv4). */
function fromWords(found: Resolved | undefined, yes: string, no: string) {
  if (found?.value === yes) return new Resolved(found.path, 'true')
  if (found?.value === no) return new Resolved(found.path, 'false')
  return undefined
}

/** `SHA256=…,MD5=…,IMPHASH=…`, as Sysmon writes Hashes, from the module's `hash` object. */
function joinedHashes(hashes: Resolved | undefined, imphash: Resolved | undefined) {
  const parts: string[] = []
  if (hashes && isObject(hashes.value))
    for (const [algorithm, value] of Object.entries(hashes.value))
      if (typeof value === 'string') parts.push(`${algorithm.toUpperCase()}=${value}`)
  if (typeof imphash?.value === 'string') parts.push(`IMPHASH=${imphash.value}`)
  const from = hashes ?? imphash
  return from && parts.length > 0 ? new Resolved(from.path, parts.join(',')) : undefined
}
