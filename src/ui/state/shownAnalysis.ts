/**
 * What the results, the tree and the paint show: the latest result, or, while the rule is broken
 * by a half-typed edit, the last good one, dimmed and marked stale instead of blanked out (the
 * flicker on every keystroke). While a run is still out past a moment (a regex heading for the
 * worker's time budget) the shown verdicts are marked stale.
 */
import type { AnalysisResult } from '../../worker/protocol.ts'
import type { AnalysisView } from './useAnalysis.ts'

export type StaleReason = 'rule-errors' | 'stopped' | 'pending'

export interface ShownAnalysis {
  /** The view the panes render, its result (and `ruleText`) possibly the last good one. */
  view: AnalysisView
  /** Why the shown results are not those of the current text; undefined when they are. */
  staleReason?: StaleReason
}

/**
 * How long a run may be out before the verdicts are marked stale. Each keystroke's run answers
 * well within it; marking every key stale and then fresh restyled both editors twice a key, and
 * the frame showing the typed key took 55 ms instead of 30 (median, default rule × 1,000 events).
 */
export const PENDING_AFTER_MS = 250

type Texts = { rule: string; events: string }

/** The latest result is of other texts than those in the editors: a run is still out. */
export const lagging = (view: AnalysisView, current: Texts): boolean =>
  view.result !== undefined &&
  (view.ruleText !== current.rule || view.eventsText !== current.events)

/** `late`: a run has been out for PENDING_AFTER_MS (useLateRun over `lagging`). */
export function shownAnalysis(view: AnalysisView, late: boolean): ShownAnalysis {
  const latest = view.result
  const keepGood = latest && !latest.compiled && view.lastGood
  const result: AnalysisResult | undefined = keepGood ? view.lastGood : latest
  const staleReason: StaleReason | undefined = keepGood
    ? 'rule-errors'
    : view.stale && latest
      ? 'stopped'
      : late
        ? 'pending'
        : undefined
  if (result === latest && staleReason === undefined) return { view }
  const ruleText = keepGood ? view.lastGoodRuleText : view.ruleText
  return { view: { ...view, result, ruleText, stale: staleReason !== undefined }, staleReason }
}

export const STALE_NOTE: Record<StaleReason, string> = {
  'rule-errors':
    'The rule has errors: these are the last good results, kept until the rule is valid again.',
  stopped: 'The last evaluation was stopped: these results are older than the text.',
  pending: 'Evaluating the latest edit…',
}
