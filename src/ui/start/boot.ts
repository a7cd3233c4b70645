// Reads everything the start-up choice needs (the link, the drafts, the set-aside list), so the
// page renders once, with the right state, and evaluates once.
import type { SharedState } from '../../share/index.ts'
import { decodeFragment } from '../../share/index.ts'
import { loadDrafts, pruneDrafts } from '../persistence/draft.ts'
import { dismissedAt, loadSetAside, saveSetAside } from '../persistence/set-aside.ts'
import { inheritedTabId, tabId } from '../persistence/tab-id.ts'
import { chooseStart, type Opened } from './choose-start.ts'

export interface Start extends Opened {
  tab: string
}

/** Never rejects: storage that cannot be read leaves the defaults, said in the status. */
export function boot(defaults: SharedState): Promise<Start> {
  return gather(defaults).catch((error: unknown) => ({
    tab: tabId(),
    state: defaults,
    base: defaults,
    setAside: [],
    setAsideChanged: false,
    offerSetAside: false,
    status: {
      message: `Your autosaved work could not be read (${String(error)}); starting from the example.`,
      tone: 'error',
    },
  }))
}

async function gather(defaults: SharedState): Promise<Start> {
  const tab = tabId()
  const inherited = inheritedTabId() ?? tab
  const fragment = window.location.hash
  const [link, stored, setAside] = await Promise.all([
    fragment === '' ? undefined : decodeFragment(fragment),
    loadDrafts([tab, inherited]),
    loadSetAside(),
  ])
  const { drafts, newest, savedAt } = stored
  const start = chooseStart({
    defaults,
    fragment,
    link,
    ownDraft: drafts.get(tab) ?? drafts.get(inherited),
    latestDraft: newest,
    setAside,
    dismissedAt: dismissedAt(),
    now: Date.now(),
  })
  pruneDrafts(savedAt, tab)
  if (start.setAsideChanged && !(await saveSetAside(start.setAside))) {
    const message =
      'Opened the shared link. Your previous work could not be stored aside (browser storage is full): restore it from the banner before closing this tab.'
    return { ...start, tab, status: { message, tone: 'warning' } }
  }
  return { ...start, tab }
}
