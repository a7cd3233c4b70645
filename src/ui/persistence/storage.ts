// localStorage that never throws: private modes, disabled storage and full quotas are normal.
const PREFIX = 'sigma-playground:'

export const STORAGE_KEYS = {
  /** The working state, saved as the user types. */
  draft: `${PREFIX}draft`,
  /** A draft set aside when a share link opened over it; offered back to the user. */
  previousDraft: `${PREFIX}previous-draft`,
  /** Preferences: never part of a share link. */
  theme: `${PREFIX}pref:theme`,
  paneSizes: `${PREFIX}pref:pane-sizes`,
} as const

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS]

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
