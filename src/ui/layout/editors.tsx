/**
 * The Monaco editors load in their own chunk, so the page shell, the results and the worker start
 * while Monaco (most of the bundle) is still arriving.
 */
import { lazy, Suspense } from 'react'
import type { EventsEditorProps } from '../editors/EventsEditor.tsx'
import type { RuleEditorProps } from '../editors/RuleEditor.tsx'

// Fetched as soon as this module runs, in parallel with React's first render, not when the
// editors first mount; lazy() then only waits for what is already on its way.
const ruleModule = import('../editors/RuleEditor.tsx')
const eventsModule = import('../editors/EventsEditor.tsx')
const LazyRuleEditor = lazy(() => ruleModule.then((m) => ({ default: m.RuleEditor })))
const LazyEventsEditor = lazy(() => eventsModule.then((m) => ({ default: m.EventsEditor })))

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
