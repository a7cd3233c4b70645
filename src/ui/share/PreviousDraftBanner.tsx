// Shown when a share link opened over different local work: that work is one click away.
import type { LinkAndDraft } from './useLinkAndDraft.ts'

export function PreviousDraftBanner({
  previousDraft,
  setAsideIsShared,
  restorePreviousDraft,
  dismissPreviousDraft,
}: LinkAndDraft) {
  if (!previousDraft) return null
  return (
    <div className="sp-banner" role="status" data-testid="previous-draft-banner">
      <span>
        {setAsideIsShared
          ? 'Your previous work is back; the shared state is set aside.'
          : 'Your previous work was set aside when this link opened.'}
      </span>
      <button type="button" data-testid="restore-draft" onClick={restorePreviousDraft}>
        {setAsideIsShared ? 'Back to the shared link' : 'Restore your previous work'}
      </button>
      <button
        type="button"
        data-testid="dismiss-draft"
        onClick={dismissPreviousDraft}
        aria-label="Hide this message"
      >
        ✕
      </button>
    </div>
  )
}
