/**
 * The read-only view for documentation and blog posts (`?embed`, with a share link's
 * fragment): the rule, the verdict of every event, and a way into the full playground. It
 * keeps no draft and writes nothing to storage, so a page that frames it can neither read nor
 * disturb the visitor's own work; the evaluation runs in the same local worker as the page.
 */
import { useState } from 'react'
import type { SharedState } from '../../share/index.ts'
import { ResultsPane } from '../results/ResultsPane.tsx'
import { useAnalysis } from '../state/useAnalysis.ts'
import { useTheme } from '../state/useTheme.ts'
import './embed.css'
import { count, plural } from '../format.ts'

export interface EmbedStart {
  state: SharedState
  /** Why the link could not be opened (the example is shown instead). */
  problem?: string
}

export function EmbedView({ start }: { start: EmbedStart }) {
  const { state, problem } = start
  useTheme() // the system's light or dark, as the full page shows it
  const [selected, setSelected] = useState(state.selected)
  const [rows, setRows] = useState<[number, number]>([0, 50])
  const { view } = useAnalysis({ ...state, selected }, rows)
  const result = view.result
  const title = result?.meta.title ?? 'Sigma rule'
  const status =
    problem ??
    (result?.compiled === false
      ? 'The rule has errors; open it in the playground to see where.'
      : result
        ? `${plural(result.counts.matches, 'event')} of ${count(result.counts.events)} match`
        : 'Evaluating…')
  return (
    <div className="embed" data-testid="embed">
      <header className="embed-header">
        <h1 className="embed-title">{title}</h1>
        <a
          className="embed-open"
          data-testid="embed-open"
          href={playgroundLink()}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open in the playground
        </a>
      </header>
      <main className="embed-body">
        <pre className="embed-rule" data-testid="embed-rule" tabIndex={0} aria-label="Rule">
          {state.rule}
        </pre>
        <ResultsPane view={view} selected={selected} onSelect={setSelected} onWindow={setRows} />
      </main>
      <p className="embed-status" data-testid="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  )
}

/** The same address without `?embed`: the full page opens the same fragment. */
function playgroundLink(): string {
  const url = new URL(window.location.href)
  url.searchParams.delete('embed')
  return url.toString()
}
