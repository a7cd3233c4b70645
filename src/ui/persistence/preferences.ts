// Preferences live in their own keys and never travel in links.
import { readItem, STORAGE_KEYS, writeItem } from './storage.ts'

export type ThemePreference = 'light' | 'dark' | 'system'

export function loadTheme(): ThemePreference {
  const value = readItem(STORAGE_KEYS.theme)
  return value === 'light' || value === 'dark' ? value : 'system'
}

export const saveTheme = (theme: ThemePreference): boolean => writeItem(STORAGE_KEYS.theme, theme)

/** Pane sizes as fractions, keyed by splitter name; anything malformed reads as absent. */
export function loadPaneSizes(): Record<string, number> {
  const text = readItem(STORAGE_KEYS.paneSizes)
  if (text === undefined) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && entry[1] > 0 && entry[1] < 1,
      ),
    )
  } catch {
    return {}
  }
}

export const savePaneSizes = (sizes: Record<string, number>): boolean =>
  writeItem(STORAGE_KEYS.paneSizes, JSON.stringify(sizes))
