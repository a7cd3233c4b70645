/**
 * Runs the rule over the events in the worker whenever the state changes and keeps the latest
 * answer. Inputs go out at once (the client coalesces while a run is in flight, so typing never
 * queues work), except large events just edited: those wait for a pause in typing, since each
 * new text is parsed again. Typing in the rule over large events unchanged goes out at once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RuleMeta } from '../../engine/index.ts'
import type { AnalysisInput, AnalysisOutcome } from '../../worker/client.ts'
import { SigmaClient } from '../../worker/client.ts'
import type { AnalysisResult, Phase, Progress, RulePart } from '../../worker/protocol.ts'
import type { AppState } from './useAppState.ts'
import type { TuningRequest } from '../../engine/index.ts'

export interface TimeoutInfo {
  phase: Phase
  budgetMs: number
  /** Undefined while the probe looks for it; null when no single part was slow on its own. */
  part?: RulePart | null
  ruleText: string
  /** Not run again: the detection is the one stopped before on these events. */
  repeated?: boolean
}

export interface AnalysisView {
  result?: AnalysisResult
  /** The texts the result was computed from (to turn offsets into lines). */
  ruleText?: string
  eventsText?: string
  /** The shown result is older than the input (the last run timed out or failed). */
  stale: boolean
  timeout?: TimeoutInfo
  failure?: string
  progress?: Phase
  /** During a long run: what it is doing and how far it got. */
  evaluated?: Progress
  elapsedMs?: number
  /** Counts results received; the page exposes it so benchmarks can tell when one is painted. */
  generation: number
  /** The last result of a rule that compiled, kept on screen (dimmed) while the rule is broken. */
  lastGood?: AnalysisResult
  /** The rule text `lastGood` was computed from. */
  lastGoodRuleText?: string
}

/** Largest events text sent without waiting for a pause in typing. */
const IMMEDIATE_LIMIT = 1_000_000
/** Upper bound on the debounce, from the issue. */
const DEBOUNCE_MS = 150

const spawnWorker = () =>
  new Worker(new URL('../../worker/sigma.worker.ts', import.meta.url), { type: 'module' })

// The first worker starts loading the engine as soon as this module runs, alongside Monaco,
// rather than after React's first render.
let prespawned: Worker | undefined = typeof Worker === 'undefined' ? undefined : spawnWorker()

function createWorker(): Worker {
  const worker = prespawned ?? spawnWorker()
  prespawned = undefined
  return worker
}

function reduce(view: AnalysisView, outcome: AnalysisOutcome): AnalysisView {
  switch (outcome.type) {
    case 'result':
      return {
        lastGood: outcome.result.compiled ? outcome.result : view.lastGood,
        lastGoodRuleText: outcome.result.compiled ? outcome.input.rule : view.lastGoodRuleText,
        result: outcome.result,
        ruleText: outcome.input.rule,
        eventsText: outcome.input.events,
        stale: false,
        elapsedMs: outcome.elapsedMs,
        generation: view.generation + 1,
      }
    case 'progress':
      if (outcome.phase === 'evaluate' && outcome.done !== undefined && outcome.total) {
        const { task = 'evaluate', done, total } = outcome
        return { ...view, progress: 'evaluate', evaluated: { task, done, total } }
      }
      return { ...view, progress: outcome.phase === 'parse' ? 'parse' : undefined }
    case 'timeout': {
      const { phase, budgetMs, input, repeated } = outcome
      return {
        ...view,
        stale: true,
        progress: undefined,
        timeout: { phase, budgetMs, ruleText: input.rule, repeated },
      }
    }
    case 'slow-part':
      if (!view.timeout || view.timeout.ruleText !== outcome.input.rule) return view
      return { ...view, timeout: { ...view.timeout, part: outcome.part ?? null } }
    case 'failure':
      return { ...view, stale: true, failure: outcome.message }
  }
}

/** Events text that needs no pause in typing: small, or the one the last run already had. */
const goesAtOnce = (events: string, sent: AnalysisInput | undefined) =>
  events.length <= IMMEDIATE_LIMIT || events === sent?.events

/** The run asked for by the page's state and what only the page knows (rows on screen, tuning). */
const inputOf = (
  { rule, events, selected, options }: AppState,
  window: [number, number],
  tuning: TuningRequest | undefined,
): AnalysisInput => ({ rule, events, selected, options, window, tuning })

/** Whether two inputs ask for the same run (the same texts, selection, options, rows, tuning). */
function sameInput(a: AnalysisInput | undefined, b: AnalysisInput): boolean {
  return (
    a !== undefined &&
    a.rule === b.rule &&
    a.events === b.events &&
    a.selected === b.selected &&
    a.options === b.options &&
    a.window?.[0] === b.window?.[0] &&
    a.window?.[1] === b.window?.[1] &&
    a.tuning === b.tuning
  )
}

export interface Analysis {
  view: AnalysisView
  /**
   * Sends `latest` (the store's newest state) at once, before React renders it: a key typed in
   * the rule starts its run while the page is still drawing the key. The render's own request
   * then finds it sent. Large events just edited still wait for a pause in typing.
   */
  sendLatest(latest: AppState): void
}

/**
 * `window` is the block of rows on screen (see useRowWindow); it is not part of the shared state.
 */
export function useAnalysis(
  state: AppState,
  window: [number, number],
  tuning?: TuningRequest,
): Analysis {
  const [view, setView] = useState<AnalysisView>({ stale: true, generation: 0 })
  const client = useRef<SigmaClient | null>(null)

  /** The input last handed to the client: the render's own request skips it if unchanged. */
  const sent = useRef<AnalysisInput>(undefined)

  useEffect(() => {
    sent.current = undefined // a new client (a remount) has been sent nothing yet
    const instance = new SigmaClient(createWorker, (outcome) => setView((v) => reduce(v, outcome)))
    client.current = instance
    return () => {
      instance.dispose()
      client.current = null
    }
  }, [])

  const { rule, events, selected, options } = state
  const [first, last] = window
  const send = useCallback((input: AnalysisInput) => {
    if (sameInput(sent.current, input)) return
    sent.current = input
    client.current?.request(input)
  }, [])
  // What only the page knows (the rows on screen, the tuning asked for), as last rendered.
  const rendered = useRef({ window: [first, last] as [number, number], tuning })
  useEffect(() => {
    rendered.current = { window: [first, last], tuning }
  }, [first, last, tuning])
  const sendLatest = useCallback(
    (latest: AppState) => {
      const { window, tuning } = rendered.current
      if (goesAtOnce(latest.events, sent.current)) send(inputOf(latest, window, tuning))
    },
    [send],
  )

  // The pause is counted from the events' last change only: other inputs changing meanwhile
  // (the rows on screen, the selection) must not keep putting the run off.
  const eventsChanged = useRef({ text: events, at: 0 })
  useEffect(() => {
    const input = inputOf({ rule, events, selected, options }, [first, last], tuning)
    if (eventsChanged.current.text !== events)
      eventsChanged.current = { text: events, at: performance.now() }
    const wait = goesAtOnce(events, sent.current)
      ? 0
      : eventsChanged.current.at + DEBOUNCE_MS - performance.now()
    if (wait <= 0) {
      send(input)
      return undefined
    }
    const timer = setTimeout(() => send(input), wait)
    return () => clearTimeout(timer)
  }, [rule, events, selected, options, first, last, tuning, send])

  return useMemo(() => ({ view, sendLatest }), [view, sendLatest])
}

/**
 * The rule's title and author stay in the header while the YAML is momentarily broken (every
 * half-typed edit would otherwise flash "Untitled rule").
 */
export function useShownMeta(meta: RuleMeta | undefined): RuleMeta | undefined {
  const last = useRef<RuleMeta | undefined>(undefined)
  if (meta && Object.keys(meta).length > 0) last.current = meta
  return meta && Object.keys(meta).length > 0 ? meta : last.current
}

export function treeEmptyText(view: AnalysisView): string {
  if (view.timeout && view.stale)
    return 'The last evaluation was stopped, so there is no trace to show.'
  const result = view.result
  if (!result) return 'Evaluating…'
  if (!result.compiled) return 'Fix the rule’s errors to see its condition evaluated.'
  if (result.counts.events === 0) return 'Add an event to see the condition evaluated on it.'
  return 'Select an event to see the condition evaluated on it.'
}
