// Each tab's autosaved draft. Small states live in localStorage (synchronous, so a tab closing
// still saves them); a state whose events are large keeps its rule in localStorage and the
// whole state in IndexedDB, because localStorage's ~5 MB are shared by every tab. Whatever
// comes back is validated like a link payload: another tab, an old release or a user may have
// written anything there.
import type { SharedState } from '../../share/index.ts'
import { applySharedState } from '../../share/index.ts'
import { validatePayload } from '../../share/validate.ts'
import { idbAvailable, idbDeleteWith, idbEntries, idbPutInSteps } from './idb.ts'
import {
  keysWithPrefix,
  readItem,
  removeItem,
  STORAGE_KEYS,
  WORK_EVENTS_PREFIX,
  WORK_PREFIX,
  writeItem,
} from './storage.ts'

export interface Draft {
  state: SharedState
  /** The user changed the rule, events or options: this is their work, not just a link's state. */
  edited: boolean
  savedAt: number
  /** The address bar's fragment when saved: reloading at that fragment reopens the draft. */
  atFragment: string
  /**
   * The fragment this save's mirror replaced. A reload asked for just before it is on its way
   * there (the page lives on until the new one arrives), and reopens the draft too.
   */
  replacedFragment?: string
}

export interface LoadedDraft extends Draft {
  /** Said to the user when only part of the newest state came back. */
  note?: string
}

/** Events above this stay out of localStorage. */
export const LOCAL_EVENTS_LIMIT = 200_000
/** States above this are not stored at all (the events are a file the user has). */
export const MAX_DRAFT_CHARS = 60_000_000

export interface SaveReport {
  rule: boolean
  events: boolean
  eventsChars: number
  /** Why the events were not stored. */
  why?: 'too-large' | 'full' | 'no-indexeddb'
}

const keyOf = (tab: string) => `${WORK_PREFIX}${tab}` as const

/**
 * IndexedDB takes large events in pieces of this many characters, each put in a task of its
 * own: 50 MB put as one value froze the page for over a second, and pieces of 2M still took
 * over a second each on a busy machine.
 */
const EVENTS_PIECE = 500_000
const piecesOf = (tab: string) => `${WORK_EVENTS_PREFIX}${tab}:`
const pieceKey = (tab: string, i: number) => `${piecesOf(tab)}${String(i).padStart(4, '0')}`

/** The whole draft into IndexedDB, large events in pieces and the record last (one transaction). */
function putWhole(tab: string, draft: Draft): Promise<boolean> {
  const whole = record(draft, true)
  const { events } = draft.state
  if (events.length <= EVENTS_PIECE) return idbPutInSteps([[keyOf(tab), whole]], piecesOf(tab))
  const entries: [string, unknown][] = []
  for (let at = 0; at < events.length; at += EVENTS_PIECE)
    entries.push([pieceKey(tab, entries.length), events.slice(at, at + EVENTS_PIECE)])
  delete whole.events
  entries.push([keyOf(tab), { ...whole, eventsPieces: entries.length }])
  return idbPutInSteps(entries, piecesOf(tab))
}

/** A record stored in pieces gets its events back; pieces missing or odd leave it without. */
async function joinPieces(tab: string, stored: unknown): Promise<unknown> {
  if (typeof stored !== 'object' || stored === null || !('eventsPieces' in stored)) return stored
  const { eventsPieces, ...rest } = stored as Record<string, unknown>
  const pieces = (await idbEntries(piecesOf(tab))).sort(([a], [b]) => (a < b ? -1 : 1))
  const texts = pieces.map(([, text]) => text)
  if (texts.length !== eventsPieces || !texts.every((t) => typeof t === 'string')) return rest
  return { ...rest, events: texts.join('') }
}

function record(draft: Draft, withEvents: boolean): Record<string, unknown> {
  const { state, edited, savedAt, atFragment, replacedFragment } = draft
  const meta = { v: 1, edited, savedAt, atFragment, replacedFragment }
  if (withEvents) return { ...meta, ...state }
  // Every field but the events: fields added to the shared state later come along too.
  const rest = Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'events'))
  return { ...meta, ...rest, eventsHash: fingerprint(state.events) }
}

/** FNV-1a over the UTF-16 units: tells whether stored events are the ones a rule-only save had. */
export function fingerprint(text: string): string {
  // Every save while typing in the rule hashes the same events again: megabytes, each pause.
  if (text !== lastFingerprint.text) lastFingerprint = { text, hash: fnv1a(text) }
  return lastFingerprint.hash
}
let lastFingerprint = { text: '', hash: fnv1a('') }

function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`
}

/** A stored record back to a draft; `events` absent when only the rule was stored. */
type StoredDraft = Draft & { hasEvents: boolean; eventsHash?: string }

function parseRecord(raw: unknown): StoredDraft | undefined {
  let value = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch {
      return undefined
    }
  }
  if (typeof value !== 'object' || value === null) return undefined
  const checked = validatePayload(value)
  if (!checked.ok || checked.value.rule === undefined) return undefined
  const meta = value as Record<string, unknown>
  const hasEvents = checked.value.events !== undefined
  return {
    // A draft holds the whole state, options included: an option it lacks is unset.
    state: applySharedState({ rule: '', events: '', selected: 0, options: {} }, checked.value),
    edited: meta.edited === true,
    savedAt: typeof meta.savedAt === 'number' ? meta.savedAt : 0,
    atFragment: typeof meta.atFragment === 'string' ? meta.atFragment : '',
    ...(typeof meta.replacedFragment === 'string' && { replacedFragment: meta.replacedFragment }),
    hasEvents,
    eventsHash: typeof meta.eventsHash === 'string' ? meta.eventsHash : undefined,
  }
}

/** Was the draft saved while the address bar showed `fragment`, or just after replacing it? */
export const savedAtFragment = (draft: Draft, fragment: string): boolean =>
  draft.atFragment === fragment || draft.replacedFragment === fragment

/** Synchronous part of a save: what a closing tab can still do. */
export function saveDraftNow(tab: string, draft: Draft): SaveReport {
  const { events } = draft.state
  const eventsChars = events.length
  if (
    eventsChars <= LOCAL_EVENTS_LIMIT &&
    writeItem(keyOf(tab), JSON.stringify(record(draft, true)))
  ) {
    return { rule: true, events: true, eventsChars }
  }
  return {
    rule: writeItem(keyOf(tab), JSON.stringify(record(draft, false))),
    events: false,
    eventsChars,
    why: 'full',
  }
}

/** Saves the draft where it fits; resolves with what was and was not saved. */
export async function saveDraft(tab: string, draft: Draft): Promise<SaveReport> {
  const now = saveDraftNow(tab, draft)
  if (now.events) {
    // A larger earlier state of this tab may sit in IndexedDB: it is older now, free its space.
    forgetIndexed(tab)
    return now
  }
  const total = draft.state.rule.length + draft.state.events.length
  if (total > MAX_DRAFT_CHARS) return { ...now, why: 'too-large' }
  const { events } = draft.state
  const stored = { rule: true, events: true, eventsChars: now.eventsChars }
  // The rule-only record just written is newer, and combine() joins it to the events that
  // IndexedDB already holds: storing megabytes again on every pause in typing stalls the page.
  if (now.rule && indexedEvents.get(tab)?.text === events) return stored
  const put = { text: events }
  indexedEvents.set(tab, put)
  if (await putWhole(tab, draft)) {
    inIndexedDb.add(tab)
    return stored
  }
  // Not stored: the record there may hold older events, or none. A later put may be in flight.
  if (indexedEvents.get(tab) === put) indexedEvents.delete(tab)
  // Events small enough for localStorage were refused there: that storage is full.
  const blocked = now.eventsChars > LOCAL_EVENTS_LIMIT && !(await idbAvailable())
  return { ...now, why: blocked ? 'no-indexeddb' : 'full' }
}
const inIndexedDb = new Set<string>()
/**
 * The events of each tab's newest put into IndexedDB. Puts commit in the order they start, so
 * once one is started its events are what the record will hold; a failed one is forgotten.
 */
const indexedEvents = new Map<string, { text: string }>()

function forgetIndexed(tab: string): void {
  indexedEvents.delete(tab)
  if (!inIndexedDb.delete(tab)) return
  // One transaction: a page closed in between would leave megabytes of pieces no record names.
  void idbDeleteWith(keyOf(tab), piecesOf(tab))
}

/**
 * The newest of what localStorage and IndexedDB hold for one tab. When only the rule of the
 * newest save fits, it still wins: the rule is the work; the events come from the newest
 * whole save, and the note says so.
 */
export function combine(
  local: StoredDraft | undefined,
  indexed: StoredDraft | undefined,
): LoadedDraft | undefined {
  const whole = [local, indexed]
    .filter((d) => d?.hasEvents)
    .sort((a, b) => (b?.savedAt ?? 0) - (a?.savedAt ?? 0))[0]
  const strip = (d: StoredDraft): Draft => ({
    state: d.state,
    edited: d.edited,
    savedAt: d.savedAt,
    atFragment: d.atFragment,
    ...(d.replacedFragment !== undefined && { replacedFragment: d.replacedFragment }),
  })
  if (local && !local.hasEvents && (!whole || local.savedAt > whole.savedAt)) {
    if (whole) {
      const same = local.eventsHash === fingerprint(whole.state.events)
      return {
        ...strip(local),
        state: { ...local.state, events: whole.state.events },
        ...(same
          ? {}
          : {
              note: 'Its events are from an earlier autosave: the newest events could not be saved.',
            }),
      }
    }
    return { ...strip(local), note: 'Its events could not be autosaved and are not restored.' }
  }
  return whole && strip(whole)
}

export interface StoredDrafts {
  /** The drafts asked for, and the newest of any tab, by tab id. */
  drafts: Map<string, LoadedDraft>
  newest: LoadedDraft | undefined
  /** When each tab last saved, for every tab: what pruning needs. */
  savedAt: Map<string, number>
}

const savedAtOf = (raw: unknown): number => parseRecord(raw)?.savedAt ?? 0

/**
 * The drafts of the tabs in `wanted` and the newest of any tab; the old single draft comes over
 * as tab "earlier". Only those get their events read: every other tab's may be tens of
 * megabytes, and the start-up needs no more than their time of saving.
 */
export async function loadDrafts(wanted: readonly string[]): Promise<StoredDrafts> {
  const indexed = new Map<string, unknown>(await idbEntries(WORK_PREFIX))
  const keys = new Set([...keysWithPrefix(WORK_PREFIX), ...indexed.keys()])
  const savedAt = new Map<string, number>()
  // Read once: a local record is parsed for its time of saving and, if wanted, used whole.
  const local = new Map<string, StoredDraft | undefined>()
  for (const key of keys) {
    const tab = key.slice(WORK_PREFIX.length)
    if (indexed.has(key)) inIndexedDb.add(tab)
    local.set(tab, parseRecord(readItem(keyOf(tab))))
    savedAt.set(tab, Math.max(local.get(tab)?.savedAt ?? 0, savedAtOf(indexed.get(key))))
  }
  const load = async (tab: string): Promise<LoadedDraft | undefined> => {
    const whole = parseRecord(await joinPieces(tab, indexed.get(keyOf(tab))))
    if (whole?.hasEvents) indexedEvents.set(tab, { text: whole.state.events })
    return combine(local.get(tab), whole)
  }
  const byAge = [...savedAt].sort((a, b) => b[1] - a[1]).map(([tab]) => tab)
  const drafts = new Map<string, LoadedDraft>()
  const read = async (tabs: string[]) => {
    const found = await Promise.all(tabs.map(load))
    tabs.forEach((tab, i) => found[i] && drafts.set(tab, found[i]))
  }
  await read([...new Set([...wanted, ...byAge.slice(0, 1)])].filter((tab) => savedAt.has(tab)))
  const newestOf = () => [...drafts.values()].sort((a, b) => b.savedAt - a.savedAt)[0]
  // A record can be there and still not read back: then the next newest is the newest.
  for (const tab of byAge) {
    if (drafts.has(tab) || (savedAt.get(tab) ?? 0) <= (newestOf()?.savedAt ?? -1)) continue
    await read([tab])
    if (drafts.has(tab)) break
  }
  let newest = newestOf()
  const legacy = parseRecord(readItem(STORAGE_KEYS.draft))
  if (legacy && drafts.size === 0) {
    newest = { ...legacy, edited: true }
    drafts.set('earlier', newest)
  }
  return { drafts, newest, savedAt }
}

/** Keeps this tab's draft and the `keep` newest others; the rest are forgotten. */
export function pruneDrafts(savedAt: Map<string, number>, ownTab: string, keep = 10): void {
  const others = [...savedAt].filter(([tab]) => tab !== ownTab).sort((a, b) => b[1] - a[1])
  for (const [tab] of others.slice(keep)) {
    removeItem(keyOf(tab))
    forgetIndexed(tab)
  }
}

/** Rule, events and options equal: the selected event alone is not work. */
export const sameWork = (a: SharedState, b: SharedState): boolean =>
  a.rule === b.rule && a.events === b.events && JSON.stringify(rest(a)) === JSON.stringify(rest(b))

/** Options and any later fields (expectations, pipelines), in a fixed key order. */
const rest = (state: SharedState): unknown[] =>
  Object.keys(state)
    .filter((key) => key !== 'rule' && key !== 'events' && key !== 'selected')
    .sort()
    .map((key) => [key, state[key as keyof SharedState]])

export const sameState = (a: SharedState, b: SharedState): boolean =>
  sameWork(a, b) && a.selected === b.selected
