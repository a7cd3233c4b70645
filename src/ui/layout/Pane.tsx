/** A titled pane: a slim header (title and a short note) above content that fills the rest. */
import type { ReactNode } from 'react'

export function Pane(props: {
  title: string
  meta?: ReactNode
  /** Tabs in the header; the title then stays for screen readers only. */
  tabs?: ReactNode
  /** Buttons at the header's right end. */
  actions?: ReactNode
  children: ReactNode
}) {
  return (
    <section className="pane" aria-label={props.title}>
      <header className="pane-header">
        <h2 className={props.tabs ? 'sr-only' : undefined}>{props.title}</h2>
        {props.tabs}
        {props.meta !== undefined && <span className="pane-meta">{props.meta}</span>}
        {props.actions !== undefined && <span className="pane-actions">{props.actions}</span>}
      </header>
      <div className="pane-body">{props.children}</div>
    </section>
  )
}
