// Fetches a rule from GitHub at the user's request; github.com blob links become raw links.
import { useEffect, useRef, useState } from 'react'
import { fetchRuleText, toRawUrl } from './remote.ts'
import type { FileOpeners } from './useFileOpeners.ts'
import { usePopover } from '../layout/popovers.ts'

export interface OpenUrlDialogProps {
  files: FileOpeners
  onClose(): void
}

export function OpenUrlDialog({ files, onClose }: OpenUrlDialogProps) {
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const abort = useRef<AbortController>(undefined)
  useEffect(() => () => abort.current?.abort(), [])
  const form = useRef<HTMLFormElement>(null)
  usePopover(form, true, onClose)

  const open = async () => {
    const raw = toRawUrl(url)
    if (!raw.ok) {
      setError(raw.message)
      files.setStatus(raw.message, 'error')
      return
    }
    setBusy(true)
    setError(undefined)
    abort.current = new AbortController()
    files.setStatus(`Fetching ${raw.url}…`, 'busy')
    const fetched = await fetchRuleText(raw.url, abort.current.signal)
    setBusy(false)
    if (!fetched.ok) {
      setError(fetched.message)
      files.setStatus(fetched.message, 'error')
      return
    }
    files.openRuleText(fetched.text, raw.url)
    onClose()
  }

  return (
    <div className="sp-dialog-backdrop">
      <form
        ref={form}
        className="sp-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Open a rule from a URL"
        data-testid="open-url-dialog"
        onSubmit={(event) => {
          event.preventDefault()
          void open()
        }}
      >
        <label>
          Rule URL (GitHub)
          <input
            autoFocus
            type="url"
            data-testid="open-url-input"
            placeholder="https://github.com/SigmaHQ/sigma/blob/master/rules/…/rule.yml"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <p className="sp-dialog-note">
          Fetched from raw.githubusercontent.com by your browser, only when you press Open.
        </p>
        {error && (
          <p className="sp-dialog-error" role="alert" data-testid="open-url-error">
            {error}
          </p>
        )}
        <div className="sp-dialog-actions">
          <button type="submit" disabled={busy} data-testid="open-url-submit">
            {busy ? 'Opening…' : 'Open'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  )
}
