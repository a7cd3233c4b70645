// Opening links, autosaving, and keeping the address bar in step with the state.
//
// On start: a share link in the fragment wins, but a different local draft is set aside
// (never overwritten silently) and offered back; a broken link keeps the draft and says why.
// Without a link the autosaved draft comes back. Afterwards every change is saved to
// localStorage and mirrored into the fragment, both debounced.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SharedState } from '../../share/index.ts'
import { decodeFragment } from '../../share/index.ts'
import { loadDraft, sameState, saveDraft } from '../persistence/draft.ts'
import { STORAGE_KEYS } from '../persistence/storage.ts'
import type { StatusTone } from '../state/useAppState.ts'
import { currentFragment, syncFragment } from './fragment.ts'

/** What the hook needs from the page's state store (useAppState's store fits as is). */
export interface LinkAndDraftStore extends SharedState {
  /** Replaces the page's whole state (rule, events, selection, options). */
  replaceState: (next: SharedState) => void
  setStatus: (message: string, kind?: StatusTone) => void
}

export interface LinkAndDraft {
  /** The shareable state, stable while its four fields are unchanged. */
  state: SharedState
  /** Why the link in the address bar could not be opened; shown until dismissed. */
  linkError: string | undefined
  dismissLinkError: () => void
  /** Work set aside when a link opened over it, until the user restores or dismisses it. */
  previousDraft: SharedState | undefined
  /** After a restore the set-aside state is the shared one, so the banner offers it back. */
  setAsideIsShared: boolean
  restorePreviousDraft: () => void
  dismissPreviousDraft: () => void
}

/** The state to render first: the autosaved draft, or the defaults. A link applies after. */
export const initialState = (defaults: SharedState): SharedState => loadDraft(defaults) ?? defaults

/** `defaults` must be a stable object (a module constant): a new one would reopen the link. */
export function useLinkAndDraft(
  store: LinkAndDraftStore,
  defaults: SharedState,
  debounceMs = 300,
): LinkAndDraft {
  const { rule, events, selected, options, replaceState, setStatus } = store
  const state = useMemo(
    () => ({ rule, events, selected, options }),
    [rule, events, selected, options],
  )
  const [linkError, setLinkError] = useState<string>()
  const [ready, setReady] = useState(false)
  const started = useRef(false)
  const [previousDraft, setPreviousDraft] = useState<SharedState>()
  const [setAsideIsShared, setSetAsideIsShared] = useState(false)
  const latest = useRef({ state, replaceState, setStatus })
  latest.current = { state, replaceState, setStatus }

  const openFragment = useCallback(
    async (fragment: string) => {
      // Once running, the state on screen is the freshest work (the autosave may lag behind
      // by its debounce); at start-up only the stored draft exists.
      const draft = started.current ? latest.current.state : loadDraft(defaults)
      const result = await decodeFragment(fragment)
      const { replaceState: replace, setStatus: status } = latest.current
      if (!result.ok) {
        if (!started.current && draft && !sameState(draft, latest.current.state)) replace(draft)
        if (result.error !== 'NO_STATE') {
          const message = `${result.message} Your own work was kept.`
          setLinkError(message)
          status(message, 'error')
        }
        return
      }
      setLinkError(undefined)
      const shared = result.state
      const setAside = loadDraft(defaults, STORAGE_KEYS.previousDraft)
      if (draft && sameState(draft, shared) && setAside && !sameState(setAside, shared)) {
        // A reload of a link that had set work aside: keep offering that work back.
        setPreviousDraft(setAside)
        setSetAsideIsShared(false)
      } else if (draft && !sameState(draft, shared) && !sameState(draft, defaults)) {
        saveDraft(draft, STORAGE_KEYS.previousDraft)
        setPreviousDraft(draft)
        setSetAsideIsShared(false)
        status(
          'Opened the shared link. Your previous work was set aside: restore it from the banner.',
        )
      } else {
        status('Opened the shared link.', 'success')
      }
      replace(shared)
    },
    [defaults],
  )

  useEffect(() => {
    let cancelled = false
    const fragment = currentFragment()
    const start = async () => {
      if (fragment === '' || fragment === '#') {
        const draft = loadDraft(defaults)
        if (draft && !sameState(draft, latest.current.state)) latest.current.replaceState(draft)
      } else {
        await openFragment(fragment)
      }
      if (cancelled) return
      started.current = true
      setReady(true)
    }
    void start()
    // A link pasted into the address bar of an open tab changes only the fragment.
    const onHashChange = () => void openFragment(currentFragment())
    window.addEventListener('hashchange', onHashChange)
    return () => {
      cancelled = true
      window.removeEventListener('hashchange', onHashChange)
    }
  }, [defaults, openFragment])

  // Stable, so an App that passes a fresh setStatus each render does not restart the timers.
  const stableStatus = useCallback(
    (message: string, kind?: StatusTone) => latest.current.setStatus(message, kind),
    [],
  )
  useAutosaveAndMirror(ready ? state : undefined, defaults, stableStatus, debounceMs)

  const restorePreviousDraft = useCallback(() => {
    if (!previousDraft) return
    // Swap, so the shared state is not lost either: it becomes the set-aside work.
    saveDraft(latest.current.state, STORAGE_KEYS.previousDraft)
    setPreviousDraft(latest.current.state)
    setSetAsideIsShared((was) => !was)
    latest.current.replaceState(previousDraft)
    latest.current.setStatus(
      setAsideIsShared
        ? 'Back to the shared link. Your previous work is set aside again.'
        : 'Restored your previous work. The shared state is set aside instead.',
      'success',
    )
  }, [previousDraft, setAsideIsShared])

  const dismissPreviousDraft = useCallback(() => setPreviousDraft(undefined), [])

  const dismissLinkError = useCallback(() => setLinkError(undefined), [])

  return {
    state,
    linkError,
    dismissLinkError,
    previousDraft,
    setAsideIsShared,
    restorePreviousDraft,
    dismissPreviousDraft,
  }
}

function useAutosaveAndMirror(
  state: SharedState | undefined,
  defaults: SharedState,
  setStatus: (message: string, kind?: StatusTone) => void,
  debounceMs: number,
): void {
  // Set while rendering, not in an effect: effects run after paint, and a tab closed in
  // between must still save what the user typed.
  const rendered = useRef(state)
  rendered.current = state
  const saved = useRef<SharedState>(undefined)
  const generation = useRef(0)
  const warned = useRef({ quota: false, size: false })

  useEffect(() => {
    if (!state) return
    const mine = ++generation.current
    const timer = setTimeout(() => {
      saved.current = state
      // Too large for localStorage: keep at least the rule (events usually come from a file).
      if (!saveDraft(state)) {
        saveDraft({ ...state, events: '', selected: 0 })
        if (!warned.current.quota) {
          warned.current.quota = true
          setStatus(
            'The events are too large to autosave in the browser; the rule is still autosaved. Keep the events file.',
            'warning',
          )
        }
      }
      void syncFragment(state, defaults, () => mine !== generation.current).then((sync) => {
        if (sync === 'too-large' && !warned.current.size) {
          warned.current.size = true
          setStatus(
            'The state is too large to mirror into the address bar; the share button still works.',
          )
        }
      })
    }, debounceMs)
    return () => clearTimeout(timer)
  }, [state, defaults, setStatus, debounceMs])

  // Closing the tab inside the debounce window must not lose the last keystrokes.
  useEffect(() => {
    const flush = () => {
      const now = rendered.current
      if (now && now !== saved.current && saveDraft(now)) saved.current = now
    }
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
    }
  }, [])
}
