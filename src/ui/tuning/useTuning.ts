/**
 * The tuning loop's page state: which events are in view, what-if forcings, filter proposals
 * asked for, and the baseline verdicts rows are compared with. Expectations themselves live in
 * the shared state (they travel in links); everything here is per session.
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Expectations, TuningRequest, ViewMode, WhatIf } from '../../engine/index.ts'
import type { AnalysisView } from '../state/useAnalysis.ts'

export interface TuningControls {
  mode: ViewMode
  identifier?: string
  search: string
  whatif: WhatIf
  request: TuningRequest
  setMode(mode: ViewMode, identifier?: string): void
  setSearch(text: string): void
  hideOutside: boolean
  setHideOutside(hide: boolean): void
  /** Whether the Top values panel is open: only then does the worker count them. */
  topValuesOpen: boolean
  setTopValuesOpen(open: boolean): void
  /** as is → true → false → as is. */
  cycleWhatIf(name: string): void
  resetWhatIf(): void
  /** Asks the worker for a filter proposal from the current marks. */
  suggest(): void
  /** Forgets the last proposal (after applying or dismissing it). */
  dismissProposal(): void
}

export function useTuningControls(expect: Expectations | undefined): TuningControls {
  const [mode, setModeState] = useState<ViewMode>('all')
  const [identifier, setIdentifier] = useState<string>()
  const [search, setSearch] = useState('')
  const [hideOutside, setHideOutside] = useState(false)
  const [topValuesOpen, setTopValuesOpen] = useState(false)
  const [whatif, setWhatIf] = useState<WhatIf>({})
  const [suggestNonce, setSuggestNonce] = useState<number>()
  const nonce = useRef(0)

  const setMode = useCallback((next: ViewMode, name?: string) => {
    setModeState(next)
    setIdentifier(next === 'identifier' ? name : undefined)
  }, [])
  const cycleWhatIf = useCallback(
    (name: string) =>
      setWhatIf((w) => {
        const next = { ...w }
        if (!(name in w)) next[name] = true
        else if (w[name]) next[name] = false
        else delete next[name]
        return next
      }),
    [],
  )
  const resetWhatIf = useCallback(() => setWhatIf({}), [])
  const suggest = useCallback(() => setSuggestNonce((nonce.current += 1)), [])
  const dismissProposal = useCallback(() => setSuggestNonce(undefined), [])

  const marks = expect ?? NO_MARKS
  const request = useMemo<TuningRequest>(
    () => ({
      mode,
      identifier,
      search,
      whatif,
      expect: marks,
      suggest: suggestNonce,
      hideOutside,
      topValues: topValuesOpen,
    }),
    [mode, identifier, search, whatif, marks, suggestNonce, hideOutside, topValuesOpen],
  )
  return {
    mode,
    identifier,
    search,
    whatif,
    request,
    setMode,
    setSearch,
    hideOutside,
    setHideOutside,
    topValuesOpen,
    setTopValuesOpen,
    cycleWhatIf,
    resetWhatIf,
    suggest,
    dismissProposal,
  }
}

const NO_MARKS: Expectations = {}

export interface Baseline {
  /** Verdicts of the baseline rule, one byte per event. */
  match?: Uint8Array
  /** Events that match now and did not in the baseline, and the reverse. */
  gained: number
  lost: number
  pinned: boolean
  pin(): void
}

/**
 * The rule as it was when the events were loaded (or when the user pinned it): rows that a
 * change made match or stop matching are marked new or lost.
 */
export function useBaseline(view: AnalysisView): Baseline {
  const [base, setBase] = useState<{ events: string; match: Uint8Array; pinned: boolean }>()
  const rows = view.result?.compiled ? view.result.rows : undefined
  const events = view.eventsText
  // A new events text (or the first compiled result) sets the baseline, during render.
  if (rows && events !== undefined && base?.events !== events && rows.count > 0) {
    setBase({ events, match: rows.match.slice(), pinned: false })
  }
  const pin = useCallback(() => {
    if (rows && events !== undefined) setBase({ events, match: rows.match.slice(), pinned: true })
  }, [rows, events])
  const counts = useMemo(() => {
    let gained = 0
    let lost = 0
    const match = base?.events === events ? base?.match : undefined
    if (rows && match && match.length === rows.count) {
      for (let i = 0; i < rows.count; i++) {
        if (rows.match[i] === 1 && match[i] !== 1) gained++
        else if (rows.match[i] !== 1 && match[i] === 1) lost++
      }
    }
    return { gained, lost, match }
  }, [rows, base, events])
  return { ...counts, pinned: base?.pinned ?? false, pin }
}
