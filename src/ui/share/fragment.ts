// The address bar's fragment as the state's mirror. replaceState, never pushState: editing
// must not fill the history, and a reload must reopen what is on screen.
import type { SharedState } from '../../share/index.ts'
import { encodeState } from '../../share/index.ts'
import { sameState } from '../persistence/draft.ts'

/**
 * States bigger than this are not mirrored into the address bar: encoding megabytes on every
 * pause in typing costs more than it is worth, and such links break in most places anyway.
 */
const FRAGMENT_SYNC_LIMIT = 1_000_000

export const tooLargeToMirror = (state: SharedState): boolean =>
  state.rule.length + state.events.length > FRAGMENT_SYNC_LIMIT

export const currentFragment = (): string => window.location.hash

// The address bar and the Share button's length both encode the same state object after a
// pause in typing; encode it once. Keyed weakly by the (memoised) state object itself.
const encoded = new WeakMap<SharedState, Promise<string>>()

export function encodeOnce(state: SharedState): Promise<string> {
  const hit = encoded.get(state)
  if (hit) return hit
  const fragment = encodeState(state)
  encoded.set(state, fragment)
  return fragment
}

function setFragment(fragment: string): void {
  const { pathname, search, hash } = window.location
  if (hash === fragment || (fragment === '' && hash === '')) return
  history.replaceState(history.state, '', pathname + search + fragment)
}

export type FragmentSync = 'default' | 'synced' | 'too-large'

/** Mirrors `state` into the fragment; the defaults give a clean address with no fragment. */
export async function syncFragment(
  state: SharedState,
  defaults: SharedState,
  isStale: () => boolean,
): Promise<FragmentSync> {
  if (sameState(state, defaults)) {
    setFragment('')
    return 'default'
  }
  if (tooLargeToMirror(state)) {
    // A stale fragment would win over the draft on reload, so drop it rather than keep it.
    setFragment('')
    return 'too-large'
  }
  const fragment = await encodeOnce(state)
  if (!isStale()) setFragment(fragment)
  return 'synced'
}
