/**
 * The Monaco editors load in their own chunk, so the page shell, the results and the worker start
 * while Monaco (most of the bundle) is still arriving.
 */
import { lazy, Suspense } from 'react'
import type { EventsEditorProps } from '../editors/EventsEditor.tsx'
import type { RuleEditorProps } from '../editors/RuleEditor.tsx'

const LazyRuleEditor = lazy(() =>
  import('../editors/RuleEditor.tsx').then((m) => ({ default: m.RuleEditor })),
)
const LazyEventsEditor = lazy(() =>
  import('../editors/EventsEditor.tsx').then((m) => ({ default: m.EventsEditor })),
)

const Loading = () => <div className="editor-loading">Loading editor…</div>

export function RuleEditorSlot(props: RuleEditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyRuleEditor {...props} />
    </Suspense>
  )
}

export function EventsEditorSlot(props: EventsEditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyEventsEditor {...props} />
    </Suspense>
  )
}
