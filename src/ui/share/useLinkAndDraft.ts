// Links, autosave and set-aside work while the page runs. The starting state was chosen before
// the first render (start/choose-start.ts); from then on: a link pasted into the address bar
// opens over the current state by the same rule, every change is saved as this tab's draft and
// mirrored into the fragment (both debounced), and hiding or closing the tab saves at once.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SharedState } from '../../share/index.ts'
import { decodeFragment } from '../../share/index.ts'
import { sameState, sameWork, saveDraft, type SaveReport } from '../persistence/draft.ts'
import { saveMessage } from '../persistence/save-message.ts'
import {
  dismissedAt,
  dismissSetAside,
  pushSetAside,
  updateSetAside,
  withoutEntry,
  type SetAsideEntry,
} from '../persistence/set-aside.ts'
import type { Start } from '../start/boot.ts'
import { openLinkOver } from '../start/choose-start.ts'
import type { StatusTone } from '../state/useAppState.ts'
import { currentFragment, fragmentFor, setFragment } from './fragment.ts'

/** What the hook needs from the page's state store (useAppState's store fits as is). */
export interface LinkAndDraftStore extends SharedState {
  /** Replaces the page's whole state (rule, events, selection, options). */
  replaceState: (next: SharedState) => void
  /** The newest state, edits not yet rendered included: what a closing tab saves. */
  latestState: () => SharedState
  setStatus: (message: string, kind?: StatusTone) => void
}

export interface LinkAndDraft {
  /** The shareable state, stable while its fields (marks included) are unchanged. */
  state: SharedState
  /** Why the link in the address bar could not be opened; shown until dismissed. */
  linkError: string | undefined
  dismissLinkError: () => void
  /** Set-aside work offered back, newest first; empty once dismissed. */
  setAside: SetAsideEntry[]
  restore: (entry: SetAsideEntry) => void
  dismissSetAside: () => void
  /**
   * Opens a state over the page as a link would (a rule from a rule set): edited work is set
   * aside and offered back from the banner; `message` goes to the status line.
   */
  openState: (next: SharedState, message: string) => void
  /** What autosave could not store, until dismissed or fixed. */
  storageWarning: string | undefined
  dismissStorageWarning: () => void
}

const STORE_FAILED =
  'Your previous work could not be stored aside (browser storage is full): restore it from the banner before closing this tab.'

/** The fields autosave and the address bar carry. */
/** What a link and a draft carry; marks only when there are some, so no mark is no key. */
const shareable = ({ rule, events, selected, options, expect }: SharedState): SharedState => ({
  rule,
  events,
  selected,
  options,
  ...(expect ? { expect } : {}),
})

/** `defaults` must be a stable object (a module constant). */
export function useLinkAndDraft(
  store: LinkAndDraftStore,
  defaults: SharedState,
  start: Start,
  debounceMs = 300,
): LinkAndDraft {
  const { rule, events, selected, options, expect, setStatus, latestState } = store
  const replaceWhole = store.replaceState
  // A whole state replaces the marks too: a link or draft without marks clears the old ones.
  const replaceState = useCallback(
    (next: SharedState) => replaceWhole({ expect: undefined, ...next }),
    [replaceWhole],
  )
  const state = useMemo(
    () => shareable({ rule, events, selected, options, expect }),
    [rule, events, selected, options, expect],
  )
  const [linkError, setLinkError] = useState(start.linkError)
  const [list, setList] = useState(start.setAside)
  const [offer, setOffer] = useState(start.offerSetAside)
  const [storageWarning, setStorageWarning] = useState(start.storageNote)
  // The state as opened from a link or the defaults: the user's work is whatever differs.
  const base = useRef(start.base)
  const latest = useRef({ state, list, replaceState, setStatus })
  latest.current = { state, list, replaceState, setStatus }
  const isWork = useCallback(
    (s: SharedState) => base.current === undefined || !sameWork(s, base.current),
    [],
  )

  useEffect(() => {
    if (start.status) latest.current.setStatus(start.status.message, start.status.tone)
  }, [start])

  const storeList = useCallback((change: (stored: SetAsideEntry[]) => SetAsideEntry[]) => {
    void updateSetAside(change).then(({ list: stored, saved }) => {
      setList(stored)
      if (!saved) {
        setStorageWarning(STORE_FAILED)
        latest.current.setStatus(STORE_FAILED, 'warning')
      }
    })
  }, [])

  /** Opens `next` as a link opens: the user's own work is set aside and offered back. */
  const openOver = useCallback(
    (next: SharedState) => {
      const { state: now, replaceState: replace } = latest.current
      const current = { state: now, edited: isWork(now) }
      const opened = openLinkOver(current, next, latest.current.list, dismissedAt(), Date.now())
      base.current = opened.base
      replace(opened.state)
      setList(opened.setAside)
      setOffer(opened.offerSetAside)
      const entry = opened.setAside[0]
      if (opened.setAsideChanged && entry) storeList((stored) => pushSetAside(stored, entry))
      return opened
    },
    [isWork, storeList],
  )

  const openState = useCallback(
    (next: SharedState, message: string) => {
      const opened = openOver(next)
      const setAside = opened.setAsideChanged
        ? ' Your previous work was set aside: restore it from the banner.'
        : ''
      latest.current.setStatus(`${message}${setAside}`, 'success')
    },
    [openOver],
  )

  useEffect(() => {
    let newest = 0
    // A link pasted into the address bar of an open tab changes only the fragment. The fragment
    // is read from the event, not the address bar: autosave may have written the state before
    // the link there already (a gallery example opened just after an edit), which lost the link.
    // Only the newest of several links opened in quick succession is applied.
    const onHashChange = (event: HashChangeEvent) => {
      const mine = ++newest
      void decodeFragment(new URL(event.newURL).hash).then((result) => {
        if (mine !== newest) return
        const { state: now, setStatus: status } = latest.current
        if (!result.ok) {
          if (result.error === 'NO_STATE') return
          const message = `${result.message} Your own work was kept.`
          setLinkError(message)
          status(message, 'error')
          return
        }
        if (sameState(result.state, now)) return
        setLinkError(undefined)
        const opened = openOver(result.state)
        if (opened.status) status(opened.status.message, opened.status.tone)
      })
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [openOver])

  const onSaved = useCallback((message: string | undefined, report: SaveReport) => {
    setStorageWarning(report.events ? undefined : message)
  }, [])
  useAutosave(state, latestState, start.tab, defaults, isWork, latest, onSaved, debounceMs)

  const restore = useCallback(
    (entry: SetAsideEntry) => {
      const { state: now, replaceState: replace, setStatus: status } = latest.current
      const edited = isWork(now)
      // Swap, so nothing on screen is lost either: it takes the restored entry's place.
      const swapped: SetAsideEntry | undefined =
        edited || !sameState(now, defaults)
          ? { state: now, savedAt: Date.now(), kind: edited ? 'work' : 'link' }
          : undefined
      const change = (stored: SetAsideEntry[]) => {
        const rest = withoutEntry(stored, entry)
        return swapped ? pushSetAside(rest, swapped) : rest
      }
      setList(change(latest.current.list))
      storeList(change)
      base.current = entry.kind === 'link' ? entry.state : undefined
      replace(entry.state)
      status(
        entry.kind === 'link'
          ? 'Back to the shared link. Your previous work is set aside again.'
          : swapped?.kind === 'work'
            ? 'Restored the set-aside work. What was on screen is set aside in its place.'
            : 'Restored your previous work. The shared state is set aside instead.',
        'success',
      )
    },
    [defaults, isWork, storeList],
  )

  const dismiss = useCallback(() => {
    dismissSetAside(latest.current.list)
    setOffer(false)
  }, [])

  return {
    state,
    linkError,
    dismissLinkError: useCallback(() => setLinkError(undefined), []),
    setAside: offer ? list : [],
    restore,
    dismissSetAside: dismiss,
    openState,
    storageWarning,
    dismissStorageWarning: useCallback(() => setStorageWarning(undefined), []),
  }
}

function useAutosave(
  state: SharedState,
  latestState: () => SharedState,
  tab: string,
  defaults: SharedState,
  isWork: (s: SharedState) => boolean,
  latest: { current: { setStatus: (message: string, kind?: StatusTone) => void } },
  onSaved: (message: string | undefined, report: SaveReport) => void,
  debounceMs: number,
): void {
  const saved = useRef<SharedState>(undefined)
  const lastReport = useRef<SaveReport>(undefined)
  const generation = useRef(0)
  const warnedSize = useRef(false)

  /**
   * `atFragment`: the address bar's fragment for this draft; a reload there reopens the draft.
   * `replacedFragment`: the one it is about to replace, where a reload may already be headed.
   */
  const save = useCallback(
    (now: SharedState, atFragment: string, replacedFragment?: string) => {
      saved.current = now
      const draft = {
        state: now,
        edited: isWork(now),
        savedAt: Date.now(),
        atFragment,
        ...(replacedFragment !== undefined &&
          replacedFragment !== atFragment && { replacedFragment }),
      }
      void saveDraft(tab, draft).then((report) => {
        const said = saveMessage(report, lastReport.current, now.rule.length)
        lastReport.current = report
        if (said) {
          latest.current.setStatus(said.message, said.tone)
          onSaved(said.message, report)
        }
      })
    },
    [tab, isWork, latest, onSaved],
  )

  useEffect(() => {
    const mine = ++generation.current
    const timer = setTimeout(() => {
      void fragmentFor(state, defaults).then(({ fragment, sync }) => {
        // A newer state (maybe not rendered yet, maybe already saved by a flush) gets its own save.
        if (mine !== generation.current || !sameState(state, shareable(latestState()))) return
        // Saved with the fragment it is about to get, so a reload there reopens this draft.
        save(state, fragment, currentFragment())
        setFragment(fragment)
        if (sync === 'too-large' && !warnedSize.current) {
          warnedSize.current = true
          latest.current.setStatus(
            'The state is too large to mirror into the address bar; the share button still works.',
          )
        }
      })
    }, debounceMs)
    return () => clearTimeout(timer)
  }, [state, latestState, defaults, debounceMs, save, latest])

  // Hiding or closing the tab inside the debounce window must not lose the last keystrokes:
  // the localStorage part of a save is synchronous. It saves the store's newest state, not the
  // rendered one: a keystroke and the tab's close can come before React renders the keystroke.
  useEffect(() => {
    const flush = () => {
      const now = shareable(latestState())
      // The address bar still shows an older state: this draft is newer than that fragment.
      if (!saved.current || !sameState(now, saved.current)) save(now, currentFragment())
    }
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('pagehide', flush)
    window.addEventListener('beforeunload', flush)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('pagehide', flush)
      window.removeEventListener('beforeunload', flush)
      document.removeEventListener('visibilitychange', onHidden)
    }
  }, [save, latestState])
}
