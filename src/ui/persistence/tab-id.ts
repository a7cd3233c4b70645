// Which tab this is, across reloads: sessionStorage is per tab and survives a reload, so each
// tab keeps its own draft and a reload brings back this tab's work, not another tab's.
// But browsers copy a tab's sessionStorage into a tab opened from it (window.open, a link
// opened with its opener) and into a duplicated tab, while the first tab lives on: the id alone
// would make both tabs write one draft, each over the other's work. So a page marks its id
// released when it goes away; an id found without that mark belongs to a living tab (or to a
// page that never said goodbye: a crash), and this page takes a new one. That id's draft is
// still where this page starts from (inheritedTabId): a duplicate shows what it duplicated, a
// tab restored after a crash shows its own work.
const KEY = 'sigma-playground:tab'
const RELEASED = 'sigma-playground:tab-released'

let mine: string | undefined
let inherited: string | undefined

const fresh = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/** Storage refused (full, disabled): the next page then takes a new id, which loses nothing. */
function quietly(act: () => void): void {
  try {
    act()
  } catch {
    // See above.
  }
}

function claim(): string {
  try {
    const stored = sessionStorage.getItem(KEY)
    const reloaded = stored !== null && sessionStorage.getItem(RELEASED) === stored
    const id = reloaded ? stored : fresh()
    if (!reloaded && stored !== null) inherited = stored
    sessionStorage.setItem(KEY, id)
    sessionStorage.removeItem(RELEASED)
    // Synchronous, so the next page in this tab (a reload) reads it.
    window.addEventListener('pagehide', () => quietly(() => sessionStorage.setItem(RELEASED, id)))
    // Back from the back/forward cache: this page holds the id again.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) quietly(() => sessionStorage.removeItem(RELEASED))
    })
    return id
  } catch {
    // No sessionStorage: one id for this page's life (a reload then counts as a new tab).
    return fresh()
  }
}

/** This tab's id, decided once per page. */
export function tabId(): string {
  mine ??= claim()
  return mine
}

/** The id this tab's storage held that was not released: read its draft, never write it. */
export function inheritedTabId(): string | undefined {
  tabId()
  return inherited
}
