// Which state the page starts with, decided once, before the first render, from everything
// stored and the link in the address bar. Pure: the inputs are read by boot.ts, and the same
// rule decides what a link pasted into an open tab does (openLinkOver).
import type { DecodeResult, SharedState } from '../../share/index.ts'
import type { LoadedDraft } from '../persistence/draft.ts'
import { sameState, sameWork, savedAtFragment } from '../persistence/draft.ts'
import type { SetAsideEntry } from '../persistence/set-aside.ts'
import { pushSetAside } from '../persistence/set-aside.ts'
import type { StatusTone } from '../state/useAppState.ts'

export interface StartInput {
  defaults: SharedState
  /** The address bar's fragment, `#` included, or ''. */
  fragment: string
  /** The decoded fragment; undefined when there is none. */
  link: DecodeResult | undefined
  /** This tab's own draft (it was reloaded), and the newest draft of any tab. */
  ownDraft: LoadedDraft | undefined
  latestDraft: LoadedDraft | undefined
  setAside: SetAsideEntry[]
  /** savedAt of the newest set-aside entry whose banner the user hid. */
  dismissedAt: number
  now: number
}

export interface Opened {
  state: SharedState
  /** The state as opened from a link or the defaults; undefined when the state is the user's work. */
  base: SharedState | undefined
  setAside: SetAsideEntry[]
  /** The set-aside list gained an entry and must be stored. */
  setAsideChanged: boolean
  offerSetAside: boolean
  linkError?: string
  /** Part of the stored work did not come back; kept on screen until dismissed. */
  storageNote?: string
  status?: { message: string; tone: StatusTone }
}

/** The page state as current work: what it is, and whether it is the user's own. */
export interface Current {
  state: SharedState
  edited: boolean
}

const offered = (list: SetAsideEntry[], dismissedAt: number) =>
  list.length > 0 && (list[0]?.savedAt ?? 0) > dismissedAt

/** A good link opens over `current`; the user's own work is set aside, never dropped. */
export function openLinkOver(
  current: Current | undefined,
  link: SharedState,
  setAside: SetAsideEntry[],
  dismissedAt: number,
  now: number,
): Opened {
  const opened = { state: link, base: link }
  if (current?.edited && !sameWork(current.state, link)) {
    return {
      ...opened,
      setAside: pushSetAside(setAside, { state: current.state, savedAt: now, kind: 'work' }),
      setAsideChanged: true,
      offerSetAside: true,
      status: {
        message:
          'Opened the shared link. Your previous work was set aside: restore it from the banner.',
        tone: 'info',
      },
    }
  }
  return {
    ...opened,
    setAside,
    setAsideChanged: false,
    offerSetAside: offered(setAside, dismissedAt),
    status: { message: 'Opened the shared link.', tone: 'success' },
  }
}

function fromDraft(draft: LoadedDraft | undefined, input: StartInput): Opened {
  const { defaults, setAside, dismissedAt } = input
  const common = { setAside, setAsideChanged: false, offerSetAside: offered(setAside, dismissedAt) }
  if (!draft) return { ...common, state: defaults, base: defaults }
  const note = draft.note && `Restored your autosaved rule. ${draft.note}`
  return {
    ...common,
    state: draft.state,
    base: draft.edited ? undefined : draft.state,
    ...(note ? { storageNote: note, status: { message: note, tone: 'warning' as const } } : {}),
  }
}

export function chooseStart(input: StartInput): Opened {
  const { fragment, link, ownDraft, latestDraft } = input
  // A reload keeps this tab's draft; a new tab picks up the newest work of any tab.
  const draft = ownDraft ?? latestDraft
  if (!link || (!link.ok && link.error === 'NO_STATE')) return fromDraft(draft, input)
  // The same link this tab's draft was saved under (a reload inside the autosave's pause, or a
  // state too large to mirror): the draft is newer than the link, and no link was "opened".
  if (ownDraft && savedAtFragment(ownDraft, fragment) && ownDraft.note && link.ok) {
    // Only part of that draft was stored, but the address bar holds all of it.
    return fromDraft({ ...ownDraft, state: link.state, note: undefined }, input)
  }
  if (
    ownDraft &&
    (savedAtFragment(ownDraft, fragment) || (link.ok && sameState(ownDraft.state, link.state)))
  ) {
    return fromDraft(ownDraft, input)
  }
  if (!link.ok) {
    const message = `${link.message} Your own work was kept.`
    return { ...fromDraft(draft, input), linkError: message, status: { message, tone: 'error' } }
  }
  const current = draft && { state: draft.state, edited: draft.edited }
  return openLinkOver(current, link.state, input.setAside, input.dismissedAt, input.now)
}
