/**
 * The status line: every user-facing message shows here, with an icon for its tone. A notice
 * leads; the evaluation summary shows beside it (detail) until the notice is over.
 */
import type { Status } from '../state/useAppState.ts'
import { HitIcon, MissIcon } from './icons.tsx'
import { TabModeSwitch } from './TabModeSwitch.tsx'

const ICON = {
  success: <HitIcon size={12} />,
  error: <MissIcon size={12} />,
  warning: <span className="status-glyph">!</span>,
  info: <span className="status-glyph">i</span>,
  busy: <span className="status-spinner" />,
}

export function StatusBar({ status, hint }: { status: Status; hint?: string }) {
  return (
    <footer className="app-status">
      <div
        className={`status status-${status.tone}`}
        data-testid="status"
        data-tone={status.tone}
        role="status"
        aria-live="polite"
      >
        {ICON[status.tone]}
        <span className="status-message">{status.message}</span>
        {status.detail && (
          <span
            className={`status-detail status-detail-${status.detail.tone}`}
            data-testid="status-detail"
            data-tone={status.detail.tone}
          >
            {status.detail.message}
          </span>
        )}
      </div>
      <TabModeSwitch />
      {hint && <div className="status-hint">{hint}</div>}
    </footer>
  )
}
