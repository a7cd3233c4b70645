// localStorage and sessionStorage that never throw: private modes, disabled storage and full
// quotas are normal.
const PREFIX = 'sigma-playground:'

export const STORAGE_KEYS = {
  /** Before per-tab drafts: the one working state. Read once to bring it over, never written. */
  draft: `${PREFIX}draft`,
  /** Before the set-aside list: the one set-aside draft. Read once to bring it over. */
  previousDraft: `${PREFIX}previous-draft`,
  /** The set-aside list, when IndexedDB cannot hold it. */
  setAside: `${PREFIX}set-aside`,
  /** The newest set-aside entry the user hid the banner for (its savedAt). */
  setAsideDismissed: `${PREFIX}set-aside-dismissed`,
  /** Preferences: never part of a share link. */
  theme: `${PREFIX}pref:theme`,
  paneSizes: `${PREFIX}pref:pane-sizes`,
} as const

/** Each tab's draft lives under this prefix plus the tab's id (see tab-id.ts). */
export const WORK_PREFIX = `${PREFIX}work:`
/** In IndexedDB, the pieces of a draft's large events (see draft.ts), apart from the drafts. */
export const WORK_EVENTS_PREFIX = `${PREFIX}work-events:`

export type StorageKey =
  (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS] | `${typeof WORK_PREFIX}${string}`

export function readItem(key: StorageKey): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined
  } catch {
    return undefined
  }
}

/** False when the browser refused (quota exceeded, storage disabled). */
export function writeItem(key: StorageKey, value: string): boolean {
  try {
    localStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}

export function removeItem(key: StorageKey): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Nothing to do: storage is unavailable, so there is nothing stored either.
  }
}

/** Every localStorage key starting with `prefix`. */
export function keysWithPrefix(prefix: string): string[] {
  try {
    const keys: string[] = []
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(prefix)) keys.push(key)
    }
    return keys
  } catch {
    return []
  }
}
