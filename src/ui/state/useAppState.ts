/**
 * The one source of truth for what the user works on: rule text, events text, the selected
 * event and the engine options. Share links, autosave and file loading all read and write
 * through this hook; preferences (theme, pane sizes) live elsewhere and never travel in links.
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import type { EngineOptions } from '../../engine/index.ts'
import type { SharedState } from '../../share/index.ts'
import type { Expectation } from '../../engine/index.ts'
import { DEFAULT_EVENTS } from '../defaults/events.ts'
import { DEFAULT_RULE } from '../defaults/rule.ts'
import {
  giveNotice,
  INITIAL_STATUS_LINE,
  shownStatus,
  updateRoutine,
  type Status,
  type StatusLine,
  type StatusTone,
} from './status-line.ts'

/** The page's state is exactly what a share link carries. */
export type AppState = SharedState

export const DEFAULT_STATE: AppState = {
  rule: DEFAULT_RULE,
  events: DEFAULT_EVENTS,
  selected: 0,
  options: {},
}

export type { Status, StatusTone } from './status-line.ts'

export interface AppStore extends AppState {
  setRule(text: string): void
  setEvents(text: string): void
  setSelected(index: number): void
  setOptions(options: EngineOptions): void
  /** Marks event `index` as expected to match or not; undefined clears the mark. */
  setExpectation(index: number, mark: Expectation | undefined): void
  clearExpectations(): void
  /** Replaces several fields at once (a share link or a restored draft). */
  replaceState(next: Partial<AppState>): void
  /**
   * The newest state, including edits React has not rendered yet: what a closing tab must save
   * (an edit and the tab's close can fall in one task, before any render).
   */
  latestState(): AppState
  status: Status
  /**
   * Every user-facing message goes through here and shows in `data-testid="status"`: answers to
   * the user's actions and warnings. They are not wiped by the routine line (status-line.ts).
   */
  setStatus(message: string, tone?: StatusTone): void
  /** The evaluation summary: shown beside a notice, or alone once the notice is over. */
  setRoutineStatus(message: string, tone: StatusTone): void
}

export function useAppState(initial: Partial<AppState> = {}): AppStore {
  const [state, setState] = useState<AppState>(() => ({ ...DEFAULT_STATE, ...initial }))
  // Every change goes through `update`, which keeps `live` ahead of React's rendering.
  const live = useRef(state)
  const edits = useRef(0)
  const update = useCallback((change: (s: AppState) => AppState, edit = true) => {
    const next = change(live.current)
    if (next === live.current) return
    live.current = next
    if (edit) edits.current += 1
    setState(next)
  }, [])
  const latestState = useCallback(() => live.current, [])

  const setRule = useCallback((rule: string) => update((s) => ({ ...s, rule })), [update])
  const setEvents = useCallback((events: string) => update((s) => ({ ...s, events })), [update])
  const setSelected = useCallback(
    (selected: number) => update((s) => (s.selected === selected ? s : { ...s, selected }), false),
    [update],
  )
  const setOptions = useCallback(
    (options: EngineOptions) => update((s) => ({ ...s, options })),
    [update],
  )
  const setExpectation = useCallback(
    (index: number, mark: Expectation | undefined) =>
      update((s) => {
        const expect = { ...s.expect }
        if (mark) expect[index] = mark
        else delete expect[index]
        // No marks: no field, so a link without marks stays as short as before marks existed.
        return { ...s, expect: Object.keys(expect).length > 0 ? expect : undefined }
      }),
    [update],
  )
  const clearExpectations = useCallback(
    () => update((s) => ({ ...s, expect: undefined })),
    [update],
  )
  const replaceState = useCallback(
    (next: Partial<AppState>) => update((s) => ({ ...s, ...next })),
    [update],
  )

  const [line, setLine] = useState<StatusLine>(INITIAL_STATUS_LINE)
  // The clock and the edit count are read at the call, not when React runs the updater.
  const setStatus = useCallback((message: string, tone: StatusTone = 'info') => {
    const [now, edited] = [Date.now(), edits.current]
    setLine((l) => giveNotice(l, { message, tone }, now, edited))
  }, [])
  const setRoutineStatus = useCallback((message: string, tone: StatusTone) => {
    const [now, edited] = [Date.now(), edits.current]
    setLine((l) => updateRoutine(l, { message, tone }, now, edited))
  }, [])
  const status = useMemo(() => shownStatus(line), [line])

  return useMemo(
    () => ({
      ...state,
      setRule,
      setEvents,
      setSelected,
      setOptions,
      setExpectation,
      clearExpectations,
      replaceState,
      latestState,
      status,
      setStatus,
      setRoutineStatus,
    }),
    [
      state,
      setRule,
      setEvents,
      setSelected,
      setOptions,
      setExpectation,
      clearExpectations,
      replaceState,
      latestState,
      status,
      setStatus,
      setRoutineStatus,
    ],
  )
}
