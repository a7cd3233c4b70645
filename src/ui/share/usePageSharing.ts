// The one hook the App calls for links, autosave and files.
import { useCallback } from 'react'
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
  const files = useFileOpeners(store)
  // A link, an example or a rule from a rule set replaces the whole state: saving it under the
  // name of a file opened before would overwrite that file with something else.
  const { forgetNames } = files
  const { replaceState: replaceWhole } = store
  const replaceState = useCallback(
    (next: SharedState) => {
      forgetNames()
      replaceWhole(next)
    },
    [forgetNames, replaceWhole],
  )
  return { link: useLinkAndDraft({ ...store, replaceState }, defaults, start), files }
}
