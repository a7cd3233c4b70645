// The one hook the App calls for links, autosave and files.
import type { SharedState } from '../../share/index.ts'
import type { Start } from '../start/boot.ts'
import { useFileOpeners, type FileOpeners, type FileTargets } from '../files/useFileOpeners.ts'
import { useLinkAndDraft, type LinkAndDraft, type LinkAndDraftStore } from './useLinkAndDraft.ts'

export interface PageSharing {
  link: LinkAndDraft
  files: FileOpeners
}

export function usePageSharing(
  store: LinkAndDraftStore & FileTargets,
  defaults: SharedState,
  start: Start,
): PageSharing {
  return { link: useLinkAndDraft(store, defaults, start), files: useFileOpeners(store) }
}
