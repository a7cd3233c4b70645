/**
 * The Monaco editors load in their own chunk, so the page shell, the results and the worker start
 * while Monaco (most of the bundle) is still arriving. While it loads the pane says so; if it
 * fails, EditorBoundary keeps the text editable in a plain text box.
 */
import { lazy, Suspense } from 'react'
import type { EventsEditorProps } from '../editors/EventsEditor.tsx'
import type { RuleEditorProps } from '../editors/RuleEditor.tsx'
import type { PipelineEditorProps } from '../editors/PipelineEditor.tsx'
import { EditorBoundary } from './EditorBoundary.tsx'

// Fetched as soon as this module runs, in parallel with React's first render, not when the
// editors first mount; lazy() then only waits for what is already on its way.
const ruleModule = import('../editors/RuleEditor.tsx')
const eventsModule = import('../editors/EventsEditor.tsx')
// A failed fetch is reported by the boundary when the editor renders, not as an unhandled rejection.
ruleModule.catch(() => {})
eventsModule.catch(() => {})
const LazyRuleEditor = lazy(() => ruleModule.then((m) => ({ default: m.RuleEditor })))
const LazyEventsEditor = lazy(() => eventsModule.then((m) => ({ default: m.EventsEditor })))

// Fetched when the Pipeline tab first opens: most users never need it.
const LazyPipelineEditor = lazy(() =>
  import('../editors/PipelineEditor.tsx').then((m) => ({ default: m.PipelineEditor })),
)

const Loading = () => (
  <div className="editor-loading" role="status" data-testid="editor-loading">
    Loading editor…
  </div>
)

/** Told when an editor fails, so the message also shows in the status line. */
interface FailureReport {
  onFailure?(message: string): void
}

export function RuleEditorSlot({ onFailure, ...props }: RuleEditorProps & FailureReport) {
  return (
    <EditorBoundary kind="rule" value={props.value} onChange={props.onChange} onFailure={onFailure}>
      <Suspense fallback={<Loading />}>
        <LazyRuleEditor {...props} />
      </Suspense>
    </EditorBoundary>
  )
}

export function EventsEditorSlot({ onFailure, ...props }: EventsEditorProps & FailureReport) {
  return (
    <EditorBoundary
      kind="events"
      value={props.value}
      onChange={props.onChange}
      onFailure={onFailure}
    >
      <Suspense fallback={<Loading />}>
        <LazyEventsEditor {...props} />
      </Suspense>
    </EditorBoundary>
  )
}

export function PipelineEditorSlot({ onFailure, ...props }: PipelineEditorProps & FailureReport) {
  return (
    <EditorBoundary
      kind="pipeline"
      value={props.value}
      onChange={props.onChange}
      onFailure={onFailure}
    >
      <Suspense fallback={<Loading />}>
        <LazyPipelineEditor {...props} />
      </Suspense>
    </EditorBoundary>
  )
}
