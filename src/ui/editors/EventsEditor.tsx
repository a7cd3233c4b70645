/**
 * The events editor: Monaco with JSON (arrays, single objects, NDJSON, concatenated objects),
 * CSV or Windows event XML; parse errors as markers, the selected event banded and the fields
 * the rule read painted.
 */
import { useEffect, useRef } from 'react'
import type { EventReading, EventsDiagnostic, Range, Trace } from '../../engine/index.ts'
import { locateFields } from '../../engine/index.ts'
import { monaco, EVENTS_URI } from './monaco-setup.ts'
import { setDecorations, useDecorations, useMonacoEditor } from './useMonacoEditor.ts'
import { setEventsMarkers } from '../paint/markers.ts'
import { buildEventDecorations, consultedPaths } from '../paint/event-decorations.ts'
import { decidingPaths } from '../paint/deciding-field.ts'
import { excludingIdentifiers } from '../paint/excluding.ts'
import type { FieldLocation } from '../paint/event-decorations.ts'
import { eventIndexAt } from './event-index.ts'
import { setEventFolds } from './event-folding.ts'
import { addEventActions, type EventActionHandlers } from './event-actions.ts'
import './editors.css'

export interface EventsEditorProps {
  value: string
  onChange(text: string): void
  /** Parse errors, offset ranges into `value`. */
  diagnostics: EventsDiagnostic[]
  /** Where each event sits in `value` (from the worker). */
  eventRanges: Range[]
  /** Index of the selected event, -1 if none. */
  selected: number
  /** The cursor moved into event `index`. */
  onSelect(index: number): void
  /** Trace of the selected event: paint the fields it consulted. */
  trace?: Trace
  /** The event `trace` belongs to (it lags a selection until the worker answers). */
  traceEvent?: number
  /** The trace is older than the text: its paint stays where Monaco moved it, dimmed. */
  stale?: boolean
  theme: 'light' | 'dark'
  /** The context menu's tuning actions (mark, filter out, copy as a filter item). */
  actions?: EventActionHandlers
  /** How the options read the events (flattening, a forced layout): fields are named so. */
  reading?: EventReading
}

type Model = monaco.editor.ITextModel

/** Reads only the event's own text (not the whole buffer) and maps the result back. */
function locateInEvent(model: Model, range: Range, paths: string[]): Record<string, FieldLocation> {
  const from = model.getPositionAt(range[0])
  const to = model.getPositionAt(range[1])
  const text = model.getValueInRange(
    new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
  )
  const found = locateFields(text, [0, text.length], paths)
  const shift = (r: Range): Range => [r[0] + range[0], r[1] + range[0]]
  const located: Record<string, FieldLocation> = {}
  for (const [path, where] of Object.entries(found)) {
    if (where)
      located[path] = { keyRange: shift(where.keyRange), valueRange: shift(where.valueRange) }
  }
  return located
}

// Sticky scroll would only pin the array's `[` over the first visible event.
const eventsOptions = {
  ariaLabel: 'Log events (JSON)',
  glyphMargin: false,
  lineDecorationsWidth: 6,
  quickSuggestions: false,
  stickyScroll: { enabled: false },
}

export function EventsEditor(props: EventsEditorProps) {
  const { value, onChange, diagnostics, eventRanges, selected, onSelect, trace, stale, theme } =
    props
  const { traceEvent, actions, reading } = props
  const container = useRef<HTMLDivElement>(null)
  const editor = useMonacoEditor(container, {
    uri: EVENTS_URI,
    language: 'json',
    value,
    onChange,
    theme,
    options: eventsOptions,
  })
  const decorations = useDecorations(editor)
  useEffect(() => setEventFolds(eventRanges), [eventRanges])
  const latest = useRef({ eventRanges, selected, onSelect, actions, reading })
  latest.current = { eventRanges, selected, onSelect, actions, reading }
  // A selection made elsewhere waits here for its trace, to scroll to the deciding field.
  const pendingField = useRef(-1)

  useEffect(() => {
    if (!editor) return undefined
    const model = editor.getModel()
    const cursor = editor.onDidChangeCursorPosition((event) => {
      // Only the user's moves select; edits shifting the cursor come with fresh ranges anyway.
      if (!model || event.reason === monaco.editor.CursorChangeReason.ContentFlush) return
      const { eventRanges: ranges, selected: current, onSelect: select } = latest.current
      const index = eventIndexAt(ranges, model.getOffsetAt(event.position))
      if (index >= 0 && index !== current) select(index)
    })
    return () => cursor.dispose()
  }, [editor])

  useEffect(() => {
    if (!editor) return undefined
    const added = addEventActions(editor, () => ({
      eventRanges: latest.current.eventRanges,
      handlers: latest.current.actions ?? {},
      reading: latest.current.reading ?? {},
    }))
    return () => added.forEach((action) => action.dispose())
  }, [editor])

  useEffect(() => {
    const model = editor?.getModel()
    if (model) setEventsMarkers(monaco, model, diagnostics)
  }, [editor, diagnostics])

  // A selection made elsewhere (results pane, F8) scrolls its event into view, and once its
  // trace is in, its deciding field (the effect below).
  useEffect(() => {
    const model = editor?.getModel()
    const range = selected >= 0 ? latest.current.eventRanges[selected] : undefined
    if (!editor || !model || !range) return
    const cursor = model.getOffsetAt(editor.getPosition() ?? { lineNumber: 1, column: 1 })
    if (cursor >= range[0] && cursor <= range[1]) return
    pendingField.current = selected
    // Scroll only if part of the event is hidden, then put its start near the top so that
    // as many of its fields as fit are in view.
    const first = model.getPositionAt(range[0]).lineNumber
    const last = model.getPositionAt(range[1]).lineNumber
    const visible = editor.getVisibleRanges()
    const shown = (line: number) =>
      visible.some((r) => line >= r.startLineNumber && line <= r.endLineNumber)
    if (!shown(first) || !shown(last)) editor.setScrollTop(editor.getTopForLineNumber(first))
  }, [editor, selected])

  // Recomputed only when a new evaluation arrives (trace, ranges) or the selection moves,
  // never per keystroke, and it scans the selected event's text alone.
  useEffect(() => {
    const model = editor?.getModel()
    if (!model || !decorations.current) return
    const range = selected >= 0 ? eventRanges[selected] : undefined
    const paths = consultedPaths(trace)
    const locations = range && paths.size > 0 ? locateInEvent(model, range, [...paths.keys()]) : {}
    const toPos = (offset: number) => model.getPositionAt(offset)
    const excluding = excludingIdentifiers(trace)
    setDecorations(
      decorations.current,
      buildEventDecorations(toPos, range, paths, locations, excluding),
    )
    if (!editor || !trace || traceEvent !== selected || pendingField.current !== selected) return
    pendingField.current = -1
    // The first deciding field found in the text, else the first field read at all.
    const path = [...decidingPaths(trace), ...paths.keys()].find((p) => locations[p])
    const where = path ? locations[path] : undefined
    if (where) editor.revealLineInCenterIfOutsideViewport(toPos(where.keyRange[0]).lineNumber)
  }, [editor, decorations, trace, traceEvent, eventRanges, selected])

  return (
    <div
      ref={container}
      data-testid="events-editor"
      className={`sp-editor sp-${theme} ${stale ? 'is-stale' : ''}`}
    />
  )
}
