/**
 * Messages between the page and the evaluation worker. Everything is plain data so it crosses
 * postMessage unchanged. Every request carries a sequence number; the client keeps only the
 * reply to its latest request.
 */
import type {
  BodyShape,
  Diagnostic,
  EngineOptions,
  EventsDiagnostic,
  EventsFormat,
  GenerateResult,
  IdentifierInfo,
  Range,
  RuleKind,
  RuleMeta,
  Trace,
} from '../engine/index.ts'
import type { FieldCoverage, TuningRequest, TuningResult } from '../engine/index.ts'
import type { Rows } from './rows.ts'
import type { RuleSetReply, RuleSetRequest } from './ruleset-protocol.ts'
import type { CorrelationView } from './correlations.ts'
import type { RuleVerdicts } from './rule-verdicts.ts'
export type { RuleVerdicts } from './rule-verdicts.ts'
export type { RowResult } from './rows.ts'
export type { CorrelationView, TimelineGroup, TimelineCorrelation } from './correlations.ts'

/**
 * Rule and events are sent only when they changed since the worker last saw them, so a rule
 * edit never re-sends (or re-parses) 50 MB of events, and an events edit never recompiles.
 */
export interface AnalyzeRequest {
  type: 'analyze'
  seq: number
  rule?: { text: string; options: EngineOptions }
  events?: { text: string }
  selected: number
  /** Rows shown on screen, `[first, last)`: only these get a summary from a full explanation. */
  window: [number, number]
  /** The tuning view, what-if and expectations (see engine/tuning); the window counts its rows. */
  tuning?: TuningRequest
  /**
   * The rule of the last run stopped for time, sent while the events and options are those it
   * ran on: a rule with the same detection would only be stopped again, so it is not run (an
   * edit to the title must not cost a stuck worker). `part` is the slow part, once known.
   */
  stopped?: { rule: string; part?: Pick<RulePart, 'identifier' | 'item'> }
}

/** Re-runs the rule one field item at a time, announcing each before it runs (see probe.ts). */
export interface ProbeRequest {
  type: 'probe'
  seq: number
  rule: { text: string; options: EngineOptions }
  events: { text: string }
}

/** Asks for another `ready`: the first may have gone out before the page listened. */
export interface PingRequest {
  type: 'ping'
  seq: 0
}

/**
 * Generates events from a rule. Sent to a fresh worker of its own, terminated after, so that
 * a hostile regex in a linked rule stops only that worker (ui/generate/generate-in-worker.ts).
 */
export interface GenerateRequest {
  type: 'generate'
  seq: 0
  rule: string
  options: EngineOptions
}

/** A whole rule set over the events, in a worker of its own (see ruleset-protocol.ts). */
export interface RuleSetRunRequest {
  type: 'ruleset'
  seq: 0
  request: RuleSetRequest
}

export type WorkerRequest =
  AnalyzeRequest | ProbeRequest | PingRequest | GenerateRequest | RuleSetRunRequest

export type Phase = 'parse' | 'compile' | 'evaluate' | 'explain'

/** What a long run is busy with when it reports progress (the status line names it). */
export type Task = 'evaluate' | 'top-values' | 'what-if' | 'suggest' | 'explain' | 'correlate'

/** How far a long run got: `done` of `total` items (events, matches or rows) for `task`. */
export interface Progress {
  task: Task
  done: number
  total: number
}

/** A part of the rule the probe is about to evaluate; if time runs out, this is the culprit. */
export interface RulePart {
  identifier: string
  /** e.g. `CommandLine|re` or `keywords`. */
  item: string
  /** Offsets of the item in the rule text. */
  range: Range
}

export interface AnalysisResult {
  kind?: RuleKind
  /** False when the rule has errors and nothing could be evaluated. */
  compiled: boolean
  meta: RuleMeta
  identifiers: IdentifierInfo[]
  diagnostics: Diagnostic[]
  events: {
    format: EventsFormat
    /** The detected shape's name ("Winlogbeat", "Elastic hits · Winlogbeat", "flat JSON"). */
    shape: string
    /** The commonest body layout detected. */
    shapeBody: BodyShape
    count: number
    /**
     * Event `i` spans `[ranges[2i], ranges[2i + 1])` in the events text. The worker posts them
     * once per events text (see `ranges` on the reply); the client puts them back in each result.
     */
    ranges: Uint32Array
    diagnostics: EventsDiagnostic[]
  }
  /** Every event's verdict, compact (see rows.ts); empty when the rule did not compile. */
  rows: Rows
  counts: {
    events: number
    matches: number
    perIdentifier: Record<string, number>
    /** Events outside the rule's logsource (marked, and hidden on request). */
    outside: number
  }
  /** The selected index after clamping to the events present (-1 when there are none). */
  selected: number
  trace?: Trace
  /** Present when the request asked for tuning and the rule compiled. */
  tuning?: TuningResult
  /** Present when the rule text holds correlation documents: the timeline. */
  correlations?: CorrelationView
  /** Present when the rule text holds several detection rules: each one's verdict per event. */
  ruleVerdicts?: RuleVerdicts
  /** The rule's fields over every event: in how many each is present, and fixes for absent ones. */
  coverage?: FieldCoverage[]
  timings: Record<Phase, number>
}

export type WorkerReply =
  /** Sent once the worker's modules have loaded: start-up time never counts against a budget. */
  | { type: 'ready'; seq: 0 }
  | { type: 'generated'; seq: 0; result: GenerateResult }
  | { type: 'ruleset'; seq: 0; reply: RuleSetReply }
  | { type: 'phase'; seq: number; phase: Phase }
  /** A heartbeat from a long run: it proves the worker is alive and says how far it got. */
  | ({ type: 'progress'; seq: number } & Progress)
  /**
   * `result.events.ranges` is left empty; `ranges` comes with the first result of each events
   * text only (a keystroke in the rule would otherwise copy them, and the page rebuild them).
   */
  | { type: 'result'; seq: number; result: AnalysisResult; ranges?: Uint32Array }
  /** Not run: the detection is the one stopped (see `stopped`); `part` found in the new text. */
  | { type: 'still-slow'; seq: number; part?: RulePart }
  | { type: 'probe-step'; seq: number; part: RulePart }
  | { type: 'probe-done'; seq: number }
  | { type: 'failure'; seq: number; message: string }
