// The autosaved draft: the full shared state as JSON. What comes back from storage is
// validated like a link payload, because another tab, an old release or a user may have
// written anything there.
import type { SharedState } from '../../share/index.ts'
import { applySharedState } from '../../share/index.ts'
import { validatePayload } from '../../share/validate.ts'
import { readItem, STORAGE_KEYS, writeItem } from './storage.ts'

type DraftKey = typeof STORAGE_KEYS.draft | typeof STORAGE_KEYS.previousDraft

export function loadDraft(
  defaults: SharedState,
  key: DraftKey = STORAGE_KEYS.draft,
): SharedState | undefined {
  const text = readItem(key)
  if (text === undefined) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  const checked = validatePayload(parsed)
  // A draft holds the whole state, options included: an option it lacks is unset, not default.
  return checked.ok ? applySharedState({ ...defaults, options: {} }, checked.value) : undefined
}

/**
 * Browsers give localStorage about 5 MB (UTF-16, so ~2.5 M characters in Chromium). Larger
 * states are not even serialised: stringifying 50 MB of events only to be refused would
 * stall the page for half a second on every pause in typing.
 */
export const MAX_DRAFT_CHARS = 2_500_000

/** False when the draft could not be stored (too large, or refused by the quota). */
export function saveDraft(state: SharedState, key: DraftKey = STORAGE_KEYS.draft): boolean {
  if (state.rule.length + state.events.length > MAX_DRAFT_CHARS) return false
  return writeItem(key, JSON.stringify(state))
}

export const sameState = (a: SharedState, b: SharedState): boolean =>
  a.rule === b.rule &&
  a.events === b.events &&
  a.selected === b.selected &&
  JSON.stringify(a.options) === JSON.stringify(b.options)
