// The address bar's fragment as the state's mirror. replaceState, never pushState: editing
// must not fill the history, and a reload must reopen what is on screen.
import type { SharedState } from '../../share/index.ts'
import { sameState } from '../persistence/draft.ts'
import { encodeOffThread } from './encode-off-thread.ts'

/**
 * States bigger than this are not mirrored into the address bar: encoding megabytes on every
 * pause in typing costs more than it is worth, and such links break in most places anyway.
 */
const FRAGMENT_SYNC_LIMIT = 1_000_000

export const tooLargeToMirror = (state: SharedState): boolean =>
  state.rule.length + state.events.length > FRAGMENT_SYNC_LIMIT

export const currentFragment = (): string => window.location.hash

// The address bar and the Share button's length both encode the same state object after a
// pause in typing; encode it once, in a worker. Keyed weakly by the (memoised) state object.
const encoded = new WeakMap<SharedState, Promise<string>>()

export function encodeOnce(state: SharedState): Promise<string> {
  const hit = encoded.get(state)
  if (hit) return hit
  const fragment = encodeOffThread(state)
  encoded.set(state, fragment)
  return fragment
}

export function setFragment(fragment: string): void {
  const { pathname, search, hash } = window.location
  if (hash === fragment || (fragment === '' && hash === '')) return
  history.replaceState(history.state, '', pathname + search + fragment)
}

export type FragmentSync = 'default' | 'synced' | 'too-large'

/** The fragment that mirrors `state`: none for the defaults and for states too large to mirror. */
export async function fragmentFor(
  state: SharedState,
  defaults: SharedState,
): Promise<{ fragment: string; sync: FragmentSync }> {
  if (sameState(state, defaults)) return { fragment: '', sync: 'default' }
  // A stale fragment would win over the draft on reload, so drop it rather than keep it.
  if (tooLargeToMirror(state)) return { fragment: '', sync: 'too-large' }
  return { fragment: await encodeOnce(state), sync: 'synced' }
}
