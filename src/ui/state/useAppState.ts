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

/** The page's state is exactly what a share link carries. */
export type AppState = SharedState

export const DEFAULT_STATE: AppState = {
  rule: DEFAULT_RULE,
  events: DEFAULT_EVENTS,
  selected: 0,
  options: {},
}

export type StatusTone = 'info' | 'success' | 'warning' | 'error' | 'busy'

export interface Status {
  message: string
  tone: StatusTone
  /** Increases with every call, so the same message set twice still counts as new. */
  id: number
}

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
  status: Status
  /** Every user-facing message goes through here and shows in `data-testid="status"`. */
  setStatus(message: string, tone?: StatusTone): void
}

export function useAppState(initial: Partial<AppState> = {}): AppStore {
  const [state, setState] = useState<AppState>(() => ({ ...DEFAULT_STATE, ...initial }))
  const [status, setStatusState] = useState<Status>({ message: 'Ready', tone: 'info', id: 0 })
  const statusId = useRef(0)

  const setRule = useCallback((rule: string) => setState((s) => ({ ...s, rule })), [])
  const setEvents = useCallback((events: string) => setState((s) => ({ ...s, events })), [])
  const setSelected = useCallback(
    (selected: number) => setState((s) => (s.selected === selected ? s : { ...s, selected })),
    [],
  )
  const setOptions = useCallback(
    (options: EngineOptions) => setState((s) => ({ ...s, options })),
    [],
  )
  const setExpectation = useCallback(
    (index: number, mark: Expectation | undefined) =>
      setState((s) => {
        const expect = { ...s.expect }
        if (mark) expect[index] = mark
        else delete expect[index]
        // No marks: no field, so a link without marks stays as short as before marks existed.
        return { ...s, expect: Object.keys(expect).length > 0 ? expect : undefined }
      }),
    [],
  )
  const clearExpectations = useCallback(() => setState((s) => ({ ...s, expect: undefined })), [])
  const replaceState = useCallback(
    (next: Partial<AppState>) => setState((s) => ({ ...s, ...next })),
    [],
  )
  const setStatus = useCallback((message: string, tone: StatusTone = 'info') => {
    statusId.current += 1
    setStatusState({ message, tone, id: statusId.current })
  }, [])

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
      status,
      setStatus,
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
      status,
      setStatus,
    ],
  )
}
