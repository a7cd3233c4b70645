// Around each editor: a chunk that fails to load or an editor that throws while rendering shows a
// message and a plain text box with the user's text, still live, instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Names the editor in the message and the test ids. */
  kind: 'rule' | 'events' | 'pipeline'
  value: string
  onChange(text: string): void
  /** Every user-facing message also goes to the status line. */
  onFailure?(message: string): void
  children: ReactNode
}

interface State {
  message: string | undefined
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

export class EditorBoundary extends Component<Props, State> {
  state: State = { message: undefined }

  static getDerivedStateFromError(error: unknown): State {
    return { message: describe(error) }
  }

  componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onFailure?.(this.messageFor(describe(error)))
  }

  private messageFor(detail: string): string {
    return `The ${this.props.kind} editor could not load (${detail}). Your text is kept below and still evaluated; reload the page to try the editor again.`
  }

  render() {
    const { message } = this.state
    if (message === undefined) return this.props.children
    const { kind, value, onChange } = this.props
    return (
      <div className="editor-failed">
        <p role="alert" data-testid="editor-failed">
          {this.messageFor(message)}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
        <textarea
          data-testid={`${kind}-editor-fallback`}
          aria-label={`${kind[0]?.toUpperCase()}${kind.slice(1)} (plain text)`}
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    )
  }
}
