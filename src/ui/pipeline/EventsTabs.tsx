/**
 * The Events pane's two tabs, Events and Pipeline (the ARIA tabs pattern: arrow keys move
 * between them). Both panels stay mounted once opened, so neither editor loses its undo history
 * or scroll position when the other is shown.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import './pipeline.css'

export type EventsTab = 'events' | 'pipeline'

const TABS: { id: EventsTab; label: string; testId: string }[] = [
  { id: 'events', label: 'Events', testId: 'events-tab' },
  { id: 'pipeline', label: 'Pipeline', testId: 'pipeline-tab' },
]

export function useEventsTab() {
  const [tab, setTab] = useState<EventsTab>('events')
  // The pipeline editor (its own chunk) is created the first time its tab opens.
  const [pipelineOpened, setOpened] = useState(false)
  const select = (next: EventsTab) => {
    setTab(next)
    if (next === 'pipeline') setOpened(true)
  }
  return { tab, select, pipelineOpened }
}

export function EventsTabList(props: {
  tab: EventsTab
  onSelect(tab: EventsTab): void
  /** Shown on the Pipeline tab: "Pipeline ●" when the user has one. */
  pipelineMark?: string
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = (index + step + TABS.length) % TABS.length
    const tab = TABS[next]
    if (tab) props.onSelect(tab.id)
    refs.current[next]?.focus()
  }
  return (
    <div role="tablist" aria-label="Events or pipeline" className="events-tabs">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`${t.id}-tab`}
          aria-controls={`${t.id}-panel`}
          aria-selected={props.tab === t.id}
          tabIndex={props.tab === t.id ? 0 : -1}
          data-testid={t.testId}
          className="events-tab"
          onClick={() => props.onSelect(t.id)}
          onKeyDown={(event) => onKey(event, i)}
        >
          {t.label}
          {t.id === 'pipeline' && props.pipelineMark ? (
            <>
              <span className="events-tab-mark" aria-hidden="true">
                {' '}
                {props.pipelineMark}
              </span>
              <span className="sr-only"> (in use)</span>
            </>
          ) : null}
        </button>
      ))}
    </div>
  )
}

export function TabPanel(props: { id: EventsTab; shown: boolean; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={`${props.id}-panel`}
      aria-labelledby={`${props.id}-tab`}
      className="events-tab-panel"
      hidden={!props.shown}
    >
      {props.children}
    </div>
  )
}
