/**
 * Messages between the page and a rule-set run ("Which rules fire on these events?"), carried
 * by the evaluation worker's `ruleset` messages. One run per worker: the page cancels by
 * terminating it, so there is no cancel message.
 */
import type { EngineOptions } from '../engine/index.ts'

export interface RuleSource {
  /** Where the rule came from: `folder/x.yml`, `rules.zip › rules/x.yml`. */
  path: string
  text: string
}

export interface RuleSetRequest {
  files: RuleSource[]
  events: string
  options: EngineOptions
  /** Files left out of the run: found too slow by an earlier attempt (indexes into `files`). */
  skip?: number[]
  /**
   * Announce each rule before it runs (`at` replies), from this event on, for `count` events:
   * after a stall, this finds the rule that stalled (a stall that does not recur just finishes).
   */
  trace?: { from: number; count: number }
}

export type RuleSetPhase = 'parse' | 'compile' | 'evaluate'

export interface RuleSetProgress {
  phase: RuleSetPhase
  rulesDone: number
  rulesTotal: number
  eventsDone: number
  eventsTotal: number
}

/** A rule that compiled and ran over every event. */
export interface RuleHits {
  /** Index into the request's files. */
  file: number
  path: string
  /** The rule's id, else its path. */
  key: string
  title: string
  level: string
  hits: number
  /** The first event it fires on (-1: none): the event opened with the rule. */
  firstHit: number
}

export interface RuleProblem {
  file: number
  path: string
  /** `line:col` of the first error, when it has one. */
  position?: string
  message: string
}

export interface RuleSetResult {
  rules: RuleHits[]
  /** Files whose rule did not compile, or that the engine failed on (no verdict counted). */
  errors: RuleProblem[]
  /** Files holding only filters or correlations: nothing to run on events alone. */
  skipped: number
  events: number
  /** Rules × events screened per second, for the status line and the bench. */
  millis: { compile: number; evaluate: number }
}

export type RuleSetReply =
  | ({ type: 'progress' } & RuleSetProgress)
  /** Only in a traced run: the file about to run on event `event`. */
  | { type: 'at'; file: number; event: number }
  | { type: 'result'; result: RuleSetResult }
  | { type: 'failure'; message: string }
