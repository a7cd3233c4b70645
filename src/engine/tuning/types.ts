/**
 * Plain data for the tuning loop (find, try, filter, keep): what the page asks the worker for
 * and what it gets back. No classes, so everything crosses postMessage unchanged.
 */

/** Which events the results list shows. */
export type ViewMode = 'all' | 'matches' | 'nonmatches' | 'identifier' | 'wrong'

/** What the user says an event should do. */
export type Expectation = 'match' | 'nomatch'

/** Expectations by event index (as a string key, so the record travels in JSON links). */
export type Expectations = Record<string, Expectation>

/** `true`/`false` forces an identifier's value; an identifier not listed is left as is. */
export type WhatIf = Record<string, boolean>

export interface TuningRequest {
  mode: ViewMode
  /** For mode `identifier`: the events where this identifier is true. */
  identifier?: string
  /** Case-insensitive text searched in each event's source text. */
  search: string
  whatif: WhatIf
  expect: Expectations
  /** Leave out the events outside the rule's logsource (the columns' `outside`). */
  hideOutside?: boolean
  /** Set to a new number to ask for a filter proposal (computed once per number). */
  suggest?: number
  /**
   * False while the page's Top values panel is closed: they cost a pass over the view on every
   * verdict change, so none are counted (`topValues` is then absent). Counted when unset.
   */
  topValues?: boolean
}

export interface TopValue {
  value: string
  /** Events in view with this value. */
  count: number
  /** Of those, how many the rule matches. */
  matches: number
}

export interface FieldTop {
  field: string
  /** 0..1: how well the field's values tell matches from non-matches (see top-values.ts). */
  score: number
  /** Distinct values among the events in view. */
  distinct: number
  /** Events in view that have the field. */
  present: number
  /** The most common values, most common first (more than the page shows at first). */
  values: TopValue[]
}

export interface WhatIfResult {
  /** The verdicts with the forced identifiers, one byte per event. */
  match: Uint8Array
  /** Events that would start matching. */
  gained: number
  /** Events that would stop matching. */
  lost: number
}

/** One field item of a proposed filter, e.g. `ParentImage|endswith: '\updater.exe'`. */
export interface FilterItem {
  field: string
  modifier: '' | 'endswith' | 'contains' | 'cidr'
  value: string
}

export interface FilterBlock {
  /** `filter_optional_<something>`. */
  name: string
  /** AND of these items. */
  items: FilterItem[]
}

export interface FilterProposal {
  nonce: number
  blocks: FilterBlock[]
  /** Current matches the filter would remove (event indices, at most a few hundred listed). */
  removed: number[]
  removedCount: number
  /** Marked "should not match" events that match and the filter would remove. */
  fixed: number
  /** Marked "should not match" events that match and the filter would not remove. */
  missed: number
  /** Why there is no proposal, or what could not be covered. */
  message?: string
}

export interface TuningResult {
  /** Event indices in view, in order; undefined when every event is in view. */
  view?: Uint32Array
  viewCount: number
  viewMatches: number
  /** Absent when the request said `topValues: false`. */
  topValues?: FieldTop[]
  whatif?: WhatIfResult
  proposal?: FilterProposal
  /**
   * Milliseconds per pass. `fieldIndex` is the one-off interning of the events' field values
   * (once per events text, 0 after); `topValues` the counting over the view.
   */
  timings: { view: number; fieldIndex: number; topValues: number; whatif: number; suggest: number }
}
