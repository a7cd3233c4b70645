// Messages about the link that opened the page, kept on screen until dismissed (the status
// line moves on as soon as the next evaluation finishes): a broken or hostile link, and work
// set aside because a link opened over it.
import './share.css'
import type { LinkAndDraft } from './useLinkAndDraft.ts'

export function LinkBanner(link: LinkAndDraft) {
  if (!link.linkError && !link.previousDraft) return null
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
      {link.previousDraft && (
        <div className="sp-banner" role="status" data-testid="previous-draft-banner">
          <span>
            {link.setAsideIsShared
              ? 'Your previous work is back; the shared state is set aside.'
              : 'Your previous work was set aside when this link opened.'}
          </span>
          <button type="button" data-testid="restore-draft" onClick={link.restorePreviousDraft}>
            {link.setAsideIsShared ? 'Back to the shared link' : 'Restore your previous work'}
          </button>
          <button type="button" onClick={link.dismissPreviousDraft} aria-label="Hide this message">
            ✕
          </button>
        </div>
      )}
    </div>
  )
}
