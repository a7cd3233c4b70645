// Work set aside when a link opened over it: a short list, newest first, shared by the tabs.
// Only the user's own work enters it when a link opens, so a chain of links never pushes that
// work out; a link's state enters only when the user swaps it for set-aside work, and such
// entries are the first to go.
import type { SharedState } from '../../share/index.ts'
import { validatePayload } from '../../share/validate.ts'
import { applySharedState } from '../../share/index.ts'
import { sameWork } from './draft.ts'
import { idbGet, idbPut } from './idb.ts'
import { readItem, removeItem, STORAGE_KEYS, writeItem } from './storage.ts'

export interface SetAsideEntry {
  state: SharedState
  savedAt: number
  /** 'work': the user's own edits; 'link': a shared state swapped out for work. */
  kind: 'work' | 'link'
}

export const MAX_SET_ASIDE = 5
const IDB_KEY = 'set-aside'

/** Adds `entry` first, replacing an equal one; over the limit, link entries go first. */
export function pushSetAside(
  list: readonly SetAsideEntry[],
  entry: SetAsideEntry,
): SetAsideEntry[] {
  const next = [entry, ...list.filter((e) => !sameWork(e.state, entry.state))]
  while (next.length > MAX_SET_ASIDE) {
    const link = next.map((e) => e.kind).lastIndexOf('link')
    next.splice(link > 0 ? link : next.length - 1, 1)
  }
  return next
}

export const withoutEntry = (list: readonly SetAsideEntry[], entry: SetAsideEntry) =>
  list.filter((e) => !(e.savedAt === entry.savedAt && sameWork(e.state, entry.state)))

function parseList(raw: unknown): SetAsideEntry[] {
  if (!Array.isArray(raw)) return []
  const list: SetAsideEntry[] = []
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { state, savedAt, kind } = item as Record<string, unknown>
    const checked = validatePayload(state)
    if (!checked.ok || typeof savedAt !== 'number') continue
    list.push({
      state: applySharedState({ rule: '', events: '', selected: 0, options: {} }, checked.value),
      savedAt,
      kind: kind === 'link' ? 'link' : 'work',
    })
  }
  return list.slice(0, MAX_SET_ASIDE)
}

function readLocal(key: typeof STORAGE_KEYS.setAside | typeof STORAGE_KEYS.previousDraft): unknown {
  const text = readItem(key)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export async function loadSetAside(): Promise<SetAsideEntry[]> {
  const stored = await idbGet(IDB_KEY)
  let list = parseList(stored ?? readLocal(STORAGE_KEYS.setAside))
  // The single set-aside slot of earlier releases joins the list once.
  const legacy = readLocal(STORAGE_KEYS.previousDraft)
  if (legacy !== undefined) {
    const [entry] = parseList([{ state: legacy, savedAt: 1, kind: 'work' }])
    if (entry) list = pushSetAside(list, entry)
  }
  return list
}

/** Stores the list; false when neither IndexedDB nor localStorage would take it. */
export async function saveSetAside(list: readonly SetAsideEntry[]): Promise<boolean> {
  if (await idbPut(IDB_KEY, list)) {
    removeItem(STORAGE_KEYS.setAside)
    removeItem(STORAGE_KEYS.previousDraft)
    return true
  }
  const saved = writeItem(STORAGE_KEYS.setAside, JSON.stringify(list))
  if (saved) removeItem(STORAGE_KEYS.previousDraft)
  return saved
}

/** Another tab may have changed the list since this one read it: merge on every change. */
export async function updateSetAside(
  change: (stored: SetAsideEntry[]) => SetAsideEntry[],
): Promise<{ list: SetAsideEntry[]; saved: boolean }> {
  const list = change(await loadSetAside())
  return { list, saved: await saveSetAside(list) }
}

export const dismissedAt = (): number => Number(readItem(STORAGE_KEYS.setAsideDismissed) ?? 0) || 0

export const dismissSetAside = (list: readonly SetAsideEntry[]): void => {
  if (list[0]) writeItem(STORAGE_KEYS.setAsideDismissed, String(list[0].savedAt))
}
