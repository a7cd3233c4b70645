// Messages kept on screen until dismissed (the status line moves on as soon as the next
// evaluation finishes): a broken or hostile link, work set aside because a link opened over it,
// and what autosave could not store.
import './share.css'
import type { SetAsideEntry } from '../persistence/set-aside.ts'
import type { LinkAndDraft } from './useLinkAndDraft.ts'

/** The rule's title, or its first line, to tell set-aside entries apart. */
function label(entry: SetAsideEntry): string {
  const title = /^title:[ \t]*(.+)$/m.exec(entry.state.rule)?.[1]?.trim()
  const name = title ?? entry.state.rule.split('\n', 1)[0]?.trim() ?? ''
  const when = new Date(entry.savedAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  })
  return `${name.slice(0, 60) || '(empty rule)'} · set aside at ${when}`
}

function SetAsideList({
  entries,
  restore,
}: {
  entries: SetAsideEntry[]
  restore: LinkAndDraft['restore']
}) {
  if (entries.length === 0) return null
  return (
    <ul className="sp-set-aside" aria-label="Older set-aside work">
      {entries.map((entry) => (
        <li key={`${entry.savedAt}-${entry.kind}`} data-testid="set-aside-item">
          <span>{label(entry)}</span>
          <button type="button" onClick={() => restore(entry)}>
            Restore
          </button>
        </li>
      ))}
    </ul>
  )
}

export function LinkBanner(link: LinkAndDraft) {
  const [newest, ...older] = link.setAside
  if (!link.linkError && !newest && !link.storageWarning) return null
  const shared = newest?.kind === 'link'
  return (
    <div className="sp-banners">
      {link.linkError && (
        <div className="sp-banner sp-banner-error" role="alert" data-testid="link-error">
          <span>{link.linkError}</span>
          <button type="button" onClick={link.dismissLinkError} aria-label="Hide this message">
            ✕
          </button>
        </div>
      )}
      {link.storageWarning && (
        <div className="sp-banner sp-banner-error" role="alert" data-testid="storage-warning">
          <span>{link.storageWarning}</span>
          <button type="button" onClick={link.dismissStorageWarning} aria-label="Hide this message">
            ✕
          </button>
        </div>
      )}
      {newest && (
        <div className="sp-banner" role="status" data-testid="previous-draft-banner">
          <span>
            {shared
              ? 'Your previous work is back; the shared state is set aside.'
              : 'Your previous work was set aside when a link or another rule opened over it.'}
          </span>
          <button type="button" data-testid="restore-draft" onClick={() => link.restore(newest)}>
            {shared ? 'Back to the shared link' : 'Restore your previous work'}
          </button>
          <button type="button" onClick={link.dismissSetAside} aria-label="Hide this message">
            ✕
          </button>
          <SetAsideList entries={older} restore={link.restore} />
        </div>
      )}
    </div>
  )
}
