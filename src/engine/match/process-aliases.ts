/**
 * Windows' own audit of a process start, Security 4688, names the new process NewProcessName
 * and its parent ParentProcessName, where Sysmon and every process_creation rule say Image and
 * ParentImage. The corpus reads process_creation as Sysmon 1, or Security 4688 with exactly
 * these two mappings (corpus/README.md, "Logsource"), so a 4688 event answers Image and
 * ParentImage with those fields when it has no field of that name itself.
 */

/** Rule field → the field Security 4688 holds it in. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['Image', 'NewProcessName'],
  ['ParentImage', 'ParentProcessName'],
])

export const processAlias = (field: string): string | undefined => ALIASES.get(field)

/** The rule fields a 4688 event may answer through an alias. */
export const ALIASED_FIELDS: readonly string[] = [...ALIASES.keys()]

const same = (value: unknown, wanted: string) =>
  typeof value === 'string' && value.toLowerCase() === wanted.toLowerCase()

/**
 * Whether the event `read` reads is Security's 4688: as the logsource table judges it, a
 * channel or provider the event does not name does not count against it. The names are also
 * tried as Splunk's Windows add-on spells them (EventCode, LogName, SourceName). The EventID
 * is read first: nearly every event asked about is not a 4688, and that one read says so.
 */
export function isProcessStartAudit(read: (field: string) => unknown): boolean {
  const eventId = read('EventID') ?? read('EventCode')
  const id = typeof eventId === 'string' ? eventId.trim() : eventId
  if (id !== 4688 && id !== '4688') return false
  const channel = read('Channel') ?? read('LogName')
  if (channel !== undefined && !same(channel, 'Security')) return false
  const provider = read('Provider_Name') ?? read('SourceName')
  return provider === undefined || same(provider, 'Microsoft-Windows-Security-Auditing')
}
