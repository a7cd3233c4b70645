/**
 * Candidate filter items for one event, a quick test of an item against an event's fields, and
 * the item as Sigma YAML. The fields are those that identify a benign cause for the logsource
 * (process, parent, user, hashes, destination…), each with the modifier rule authors use:
 * `endswith` for paths, exact for hashes, `cidr` for addresses.
 */
import type { FieldPairs } from './event-fields.ts'
import type { FilterItem } from './types.ts'

const PROCESS = ['ParentImage', 'Image', 'OriginalFileName', 'ParentCommandLine', 'CommandLine']
const WHO = ['User', 'ParentUser', 'IntegrityLevel', 'CurrentDirectory']
const HASHES = ['Hashes', 'sha256', 'sha1', 'md5', 'Imphash', 'Hash']
const PUBLISHER = ['Company', 'Product', 'Description', 'Signature', 'Signed']
const NETWORK = ['DestinationIp', 'DestinationHostname', 'DestinationPort', 'SourceIp']

/** Fields worth filtering on, by logsource category, most telling first. */
const BY_CATEGORY: Record<string, string[]> = {
  process_creation: [...PROCESS, ...WHO, ...HASHES, ...PUBLISHER],
  network_connection: ['Image', ...NETWORK, 'User', 'CommandLine'],
  dns_query: ['Image', 'QueryName', 'User'],
  image_load: ['Image', 'ImageLoaded', ...HASHES, 'Signature', 'Signed', 'User'],
  registry_set: ['Image', 'TargetObject', 'Details', 'User'],
  registry_event: ['Image', 'TargetObject', 'Details', 'User'],
  file_event: ['Image', 'TargetFilename', 'User'],
}
const EVERY = [
  ...PROCESS,
  'ImageLoaded',
  'TargetFilename',
  'TargetObject',
  'Details',
  'QueryName',
  'ServiceName',
  'ServiceFileName',
  ...NETWORK,
  ...WHO,
  ...HASHES,
  ...PUBLISHER,
  'SubjectUserName',
  'TargetUserName',
  'IpAddress',
  'WorkstationName',
  'Provider_Name',
]

export function filterFields(logsource: Record<string, string> | undefined): string[] {
  const category = logsource?.category ?? ''
  const prefix = Object.keys(BY_CATEGORY).find((c) => category.startsWith(c.split('_')[0] ?? c))
  return BY_CATEGORY[category] ?? (prefix ? (BY_CATEGORY[prefix] ?? EVERY) : EVERY)
}

const isPath = (value: string) => /^([a-z]:)?\\|^\//i.test(value)
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/
const HASH_FIELDS = new Set(['sha256', 'sha1', 'md5', 'Imphash', 'Hash'])

/** Candidate items for one field value, narrowest first. */
export function candidates(field: string, value: string): FilterItem[] {
  if (value === '' || value.length > 400) return []
  if (field === 'Hashes') {
    // `SHA1=…,MD5=…,SHA256=…`: one algorithm's value identifies the file.
    const parts = value.split(',').filter((p) => p.includes('='))
    const best = parts.find((p) => p.startsWith('SHA256=')) ?? parts[0]
    return best ? [{ field, modifier: 'contains', value: best }] : []
  }
  if (HASH_FIELDS.has(field)) return [{ field, modifier: '', value }]
  const ip = IPV4.exec(value)
  if (ip) {
    const [a, b, c] = [ip[1], ip[2], ip[3]]
    return [
      { field, modifier: 'cidr', value: `${value}/32` },
      { field, modifier: 'cidr', value: `${a}.${b}.${c}.0/24` },
      { field, modifier: 'cidr', value: `${a}.${b}.0.0/16` },
    ]
  }
  if (isPath(value)) {
    const cut = value.search(/[\\/]/)
    const tail = value.slice(cut)
    const base = value.slice(Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/')))
    const out: FilterItem[] = [{ field, modifier: 'endswith', value: tail }]
    if (base !== tail && base.length > 1) out.push({ field, modifier: 'endswith', value: base })
    return out
  }
  return [{ field, modifier: '', value }]
}

/**
 * The item for a value the user picked to filter out: the narrowest candidate, else the value
 * itself, exactly. Suggestions leave out empty values and very long ones; a user who picks one
 * gets `Field: ''` or the whole text.
 */
export function itemForValue(field: string, value: string): FilterItem {
  return candidates(field, value)[0] ?? { field, modifier: '', value }
}

function ipv4(text: string): number | undefined {
  const m = IPV4.exec(text)
  if (!m) return undefined
  const parts = m.slice(1, 5).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return parts.reduce((n, p) => n * 256 + p, 0)
}

function inCidr(value: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/')
  const a = ipv4(value)
  const b = ipv4(net ?? '')
  const size = Number(bits)
  if (a === undefined || b === undefined) return false
  const block = 2 ** (32 - size)
  return Math.floor(a / block) === Math.floor(b / block)
}

/** Whether an event's fields satisfy the item (Sigma compares strings ignoring case). */
export function itemHolds(item: FilterItem, pairs: FieldPairs): boolean {
  const wanted = item.value.toLowerCase()
  for (const [name, raw] of pairs) {
    if (name !== item.field) continue
    const value = raw.toLowerCase()
    switch (item.modifier) {
      case '':
        if (value === wanted) return true
        break
      case 'endswith':
        if (value.endsWith(wanted)) return true
        break
      case 'contains':
        if (value.includes(wanted)) return true
        break
      case 'cidr':
        if (inCidr(raw, item.value)) return true
        break
    }
  }
  return false
}

export const itemKey = (item: FilterItem) => `${item.field}|${item.modifier}|${item.value}`

/** A value with Sigma's escaping, so wildcards and backslashes in it stay literal. */
export function escapeSigma(value: string): string {
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string
    const next = value[i + 1]
    if (c === '*' || c === '?') out += `\\${c}`
    else if (c === '\\' && (next === '\\' || next === '*' || next === '?')) out += '\\\\'
    else out += c
  }
  return out
}

/** Keys YAML reads as they are; any other (`@timestamp`, `a: b`) is quoted. */
const PLAIN_KEY = /^[A-Za-z0-9_][\w.|-]*$/

/** `Field|modifier: 'value'` (single-quoted YAML, where backslashes are plain characters). */
export function itemYaml(item: FilterItem): string {
  const named = item.modifier ? `${item.field}|${item.modifier}` : item.field
  const key = PLAIN_KEY.test(named) ? named : `'${named.replace(/'/g, "''")}'`
  const value = item.modifier === 'cidr' ? item.value : escapeSigma(item.value)
  return `${key}: '${value.replace(/'/g, "''")}'`
}
