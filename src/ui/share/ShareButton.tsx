// Copies a link carrying the whole state (or the rule alone) and tells the user how long it is.
import { useEffect, useRef, useState } from 'react'
import type { SharedState } from '../../share/index.ts'
import { isLinkTooLong, LINK_WARN_LENGTH, shareUrl } from '../../share/index.ts'
import { encodeOnce, tooLargeToMirror } from './fragment.ts'
import './share.css'
import type { StatusTone } from '../state/useAppState.ts'
import { useDetailsPopover } from '../layout/popovers.ts'
import { count as format } from '../format.ts'

export interface ShareButtonProps {
  state: SharedState
  setStatus: (message: string, kind?: StatusTone) => void
}

const buildLink = async (state: SharedState) =>
  shareUrl(window.location.href, await encodeOnce(state))

/** Events can be private: this link carries the rule and options, and no events. */
const withoutEvents = (state: SharedState): SharedState => ({ ...state, events: '', selected: 0 })

/** An iframe for a blog or documentation page: the read-only `?embed` view of the same link. */
export function embedCode(link: string): string {
  const url = new URL(link)
  const src = `${url.origin}${url.pathname}?embed${url.hash}`
  return `<iframe src="${src}" title="Sigma Playground" width="100%" height="420" loading="lazy"></iframe>`
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** Live link length, recomputed after typing pauses; skipped for very large states. */
function useLinkLength(state: SharedState): number | undefined {
  const [length, setLength] = useState<number>()
  useEffect(() => {
    if (tooLargeToMirror(state)) {
      setLength(undefined)
      return
    }
    let stale = false
    const timer = setTimeout(() => {
      void buildLink(state).then((link) => {
        if (!stale) setLength(link.length)
      })
    }, 400)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [state])
  return length
}

export function ShareButton({ state, setStatus }: ShareButtonProps) {
  const length = useLinkLength(state)
  const [lastLink, setLastLink] = useState<string>()
  const menu = useRef<HTMLDetailsElement>(null)
  const { onToggle } = useDetailsPopover(menu)
  const tooLong = length !== undefined && isLinkTooLong(length)

  const share = async (target: SharedState, what: string, wrap = (link: string) => link) => {
    const link = wrap(await buildLink(target))
    setLastLink(link)
    const copied = await copy(link)
    const size = `${format(link.length)} characters`
    const warning = isLinkTooLong(link.length)
      ? ` It is over ${format(LINK_WARN_LENGTH)} characters: chat tools and some browsers may cut it; try "Link without events".`
      : ''
    if (copied)
      setStatus(`Copied ${what} to the clipboard (${size}).${warning}`, warning ? 'error' : 'info')
    else
      setStatus(
        `Could not use the clipboard: copy ${what} from the box in the Share menu (${size}).${warning}`,
        'error',
      )
  }

  return (
    <div className="sp-share">
      <button
        type="button"
        data-testid="share-button"
        title="Copy a link that carries the rule, the events, the selected event and the options. Nothing is sent to any server."
        onClick={() => void share(state, 'a link to this rule and its events')}
      >
        Share
        {length !== undefined && (
          <span
            className={tooLong ? 'sp-share-length sp-warn' : 'sp-share-length'}
            data-testid="share-length"
          >
            {' '}
            · {format(length)} chars{tooLong ? ' ⚠' : ''}
          </span>
        )}
      </button>
      <details
        ref={menu}
        className="sp-menu sp-menu-end"
        data-testid="share-menu"
        onToggle={onToggle}
      >
        <summary aria-label="More share options" title="More share options">
          ▾
        </summary>
        <div className="sp-menu-items">
          <button
            type="button"
            data-testid="share-without-events"
            title="Copy a link with the rule and options only: events can be private."
            onClick={() => void share(withoutEvents(state), 'a link to this rule (without events)')}
          >
            Link without events
          </button>
          <button
            type="button"
            data-testid="share-embed"
            title="Copy an <iframe> for a blog or documentation page: a read-only view of the rule and its verdicts."
            onClick={() => void share(state, 'the embed code (an iframe)', embedCode)}
          >
            Embed code
          </button>
          <p className="sp-menu-note">
            Links carry everything in the part after #, which browsers never send to a server.
            {tooLong &&
              ` This one is over ${format(LINK_WARN_LENGTH)} characters: some tools cut such links.`}
          </p>
          {lastLink !== undefined && (
            <input
              className="sp-share-link"
              data-testid="share-link"
              aria-label="Last share link"
              readOnly
              value={lastLink}
              onFocus={(event) => event.currentTarget.select()}
            />
          )}
        </div>
      </details>
    </div>
  )
}
