// Which tab this is, across reloads: sessionStorage is per tab and survives a reload, so each
// tab keeps its own draft and a reload brings back this tab's work, not another tab's.
const KEY = 'sigma-playground:tab'

let fallback: string | undefined

const fresh = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

export function tabId(): string {
  try {
    const stored = sessionStorage.getItem(KEY)
    if (stored) return stored
    const id = fresh()
    sessionStorage.setItem(KEY, id)
    return id
  } catch {
    // No sessionStorage: one id for this page's life (a reload then counts as a new tab).
    fallback ??= fresh()
    return fallback
  }
}
