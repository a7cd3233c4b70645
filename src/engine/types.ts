/**
 * The engine's public data types. Everything here is plain data (no classes, no functions)
 * so that it crosses postMessage, JSON and snapshots unchanged. Ranges are character offsets
 * into the rule text (or the events text for event records); line and column exist only at
 * the Monaco and CLI edges.
 */
import type { ShapeOverride } from './events/shape-override.ts'

/** `[start, end)` character offsets. */
export type Range = readonly [start: number, end: number]

export type Severity = 'error' | 'warning' | 'info'

/** Closed set of diagnostic codes: tests and the UI branch on codes, never on wording. */
export type DiagnosticCode =
  // YAML and document shape
  | 'YAML_SYNTAX'
  | 'DUPLICATE_KEY'
  | 'NOT_A_RULE'
  | 'MULTIPLE_DOCUMENTS'
  | 'V1_COLLECTION'
  | 'CORRELATION_RULE'
  | 'FILTER_RULE'
  // filter documents joined to a rule (meta/)
  | 'FILTER_NOT_APPLIED'
  | 'FILTER_WITHOUT_NOT'
  // correlation documents (correlation/)
  | 'CORRELATION_SYNTAX'
  | 'CORRELATION_EXTENSION'
  | 'RULE_NOT_FOUND'
  // detection structure
  | 'MISSING_DETECTION'
  | 'MISSING_CONDITION'
  | 'NO_SEARCH_IDENTIFIERS'
  | 'EMPTY_SEARCH'
  | 'UNSUPPORTED_VALUE'
  | 'DETECTION_TOO_LARGE'
  // modifiers and values
  | 'UNKNOWN_MODIFIER'
  | 'MODIFIER_ORDER'
  | 'MODIFIER_TYPE'
  | 'BAD_CIDR'
  | 'BAD_REGEX'
  | 'BAD_VALUE'
  | 'UNRESOLVED_PLACEHOLDER'
  // condition
  | 'CONDITION_SYNTAX'
  | 'UNDEFINED_IDENTIFIER'
  | 'PIPE_SYNTAX'
  // metadata (pySigma errors)
  | 'BAD_METADATA'
  // warnings (lint)
  | 'UNUSED_IDENTIFIER'
  /** An identifier that is a list of one-field maps on different fields: OR, often meant as AND. */
  | 'LIST_OF_MAPS'
  | 'SELECTOR_MATCHES_NOTHING'
  | 'CONTAINS_WITH_WILDCARD'
  | 'ALL_SINGLE_VALUE'
  | 'DUPLICATE_VALUE'
  | 'MISSING_TITLE'
  | 'MISSING_ID'
  | 'MISSING_LEVEL'
  | 'MISSING_LOGSOURCE'
  | 'ALL_OF_THEM'
  | 'THEM_SINGLE_IDENTIFIER'
  | 'BASE64OFFSET_WITHOUT_CONTAINS'
  | 'ALL_WITHOUT_CONTAINS'
  | 'CASED_LOST'
  | 'WILDCARD_ONLY_VALUE'
  | 'NULL_IN_LIST'
  | 'UNQUOTED_NUMBER_STRING'
  // value-level lint (added by the item level)
  | 'ESCAPED_WILDCARD'
  | 'DOUBLE_QUOTED_ESCAPE'
  | 'REGEX_NESTED_QUANTIFIER'
  // rule-level lint (added by the rule level)
  | 'DUPLICATE_TAG'
  | 'DUPLICATE_REFERENCE'
  | 'TITLE_TOO_LONG'
  | 'MISSING_DESCRIPTION'
  | 'UNKNOWN_ATTRIBUTE'
  | 'IDENTIFIER_REPEATED'
  | 'MATCHES_EMPTY_EVENT'
  // an unexpected failure inside the engine, reported instead of thrown
  | 'INTERNAL'
  // a processing pipeline's own problems (ranges in the pipeline text)
  | 'PIPELINE'

export interface Diagnostic {
  code: DiagnosticCode
  severity: Severity
  message: string
  range: Range
  /** The text that should replace `range` ("did you mean"), offered as a quick fix. */
  suggestion?: string
}

/** What the user can set beside the rule; it travels in share links. */
export interface EngineOptions {
  /** Values for `|expand` placeholders, by name without the percent signs. */
  placeholders?: Record<string, string[]>
  /** Rule field name → event field name, applied before lookup (e.g. Image → NewProcessName). */
  fieldMap?: Record<string, string>
  /** Flatten Windows event-log JSON (`Event.EventData.*`, `Event.System.*`). Default true. */
  flattenEvtx?: boolean
  /** pySigma processing pipelines (YAML texts), applied by priority after `fieldMap`. */
  pipelines?: string[]
  /** Read every event as this layout instead of detecting it (`flat`, `evtx`, `winlogbeat`). */
  eventShape?: ShapeOverride
  /** Events outside the rule's logsource (EventID, Channel) never match. Default false. */
  logsourceOnly?: boolean
  /** Correlations only: the event field holding each event's time (default: the usual ones). */
  timeField?: string
}

/**
 * The options that decide how an event is read, hence what its fields are called: the tuning
 * tools name fields by them, so that a filter they write reads what the evaluation reads.
 */
export type EventReading = Pick<EngineOptions, 'flattenEvtx' | 'eventShape'>

export type RuleKind = 'detection' | 'correlation' | 'filter'

export interface RuleMeta {
  title?: string
  id?: string
  /** The `name` other documents (filters, correlations) may use to refer to the rule. */
  name?: string
  status?: string
  level?: string
  author?: string
  description?: string
  logsource?: Record<string, string>
  tags?: string[]
}

/** A search identifier as the UI shows it. */
export interface IdentifierInfo {
  name: string
  /** `filter*` names are filters; everything else is a selection. */
  kind: 'selection' | 'filter'
  /** The key `selection:` itself. */
  keyRange: Range
  /** The whole entry, key and body. */
  range: Range
}

export type Scalar = string | number | boolean | null

// ---------------------------------------------------------------------------------------
// Trace: what `explain` returns. Tagged by `type`, designed to be painted.

export type MissReason =
  /** The event has no such field (after literal, dotted and evtx lookups). */
  | 'absent'
  /** The field is present and the value differs. */
  | 'differs'
  /** The field holds an object or a type the test cannot apply to (e.g. non-IP for cidr). */
  | 'type'
  /** It would match ignoring case, but `cased` is set. */
  | 'case'
  /** The field is JSON null. */
  | 'null'

/** One rule value of a field item (or keyword) and its outcome. */
export interface ValueTrace {
  type: 'value'
  /** Index of the value in the item's list (0 for a scalar). */
  index: number
  range: Range
  /** The rule value as written (after YAML unquoting). */
  text: string
  value: boolean
  /** Where the event value that decided it came from, e.g. `Event.EventData.Image`. */
  path?: string
  /** The event value that matched, or the one compared when it did not. */
  actual?: Scalar
  /** Which expansion (windash, base64offset, cidr network…) matched, when there are several. */
  variant?: string
  reason?: MissReason
}

/** One key of a selection map, e.g. `Image|endswith: '\rundll32.exe'`. */
export interface FieldTrace {
  type: 'field'
  /** Field name without modifiers; '' for a keyword item that carries modifiers. */
  field: string
  modifiers: string[]
  keyRange: Range
  /** Key and all its values. */
  range: Range
  value: boolean
  linking: 'or' | 'and'
  /** `neq`: the item is the negation of its values. */
  negated: boolean
  /** Event path(s) consulted and their values; empty when the field is absent. */
  lookups: { path: string; value: unknown }[]
  values: ValueTrace[]
  reason?: MissReason
}

/** A keyword list (field-less values), searched over every scalar leaf of the event. */
export interface KeywordTrace {
  type: 'keywords'
  range: Range
  value: boolean
  linking: 'or' | 'and'
  values: ValueTrace[]
}

/** A map (AND of its items) or a list of maps (OR). */
export interface GroupTrace {
  type: 'and' | 'or'
  range: Range
  value: boolean
  children: SearchNodeTrace[]
}

export type SearchNodeTrace = GroupTrace | FieldTrace | KeywordTrace

export interface IdentifierTrace {
  type: 'identifier'
  name: string
  kind: 'selection' | 'filter'
  keyRange: Range
  range: Range
  value: boolean
  body: SearchNodeTrace
}

/**
 * `dropped`: the node is a selector matching no identifier (or only contains such), which
 * pySigma removes from the condition; its parent's value is computed without it.
 */
export type ConditionTrace =
  | { type: 'and' | 'or'; range: Range; value: boolean; children: ConditionTrace[]; dropped?: true }
  | { type: 'not'; range: Range; value: boolean; child: ConditionTrace; dropped?: true }
  | { type: 'ref'; name: string; range: Range; value: boolean }
  | {
      type: 'selector'
      dropped?: true
      quantifier: '1' | 'any' | 'all'
      pattern: string
      range: Range
      value: boolean
      /** The identifiers the pattern matched, in rule order. Empty: dropped, as pySigma does. */
      members: { name: string; value: boolean }[]
    }

export interface Trace {
  match: boolean
  /** Every search identifier's value, in rule order. */
  identifiers: Record<string, boolean>
  searches: IdentifierTrace[]
  /** One entry per condition (a `condition:` list gives several; the rule matches if any does). */
  conditions: ConditionTrace[]
}

/** Verdict plus every identifier's value: what the results pane and the CLI print. */
export interface Verdict {
  match: boolean
  identifiers: Record<string, boolean>
}

// ---------------------------------------------------------------------------------------
// Events as pasted.

export type EventsFormat = 'empty' | 'object' | 'array' | 'ndjson' | 'concatenated' | 'csv' | 'xml'

export interface EventRecord {
  value: unknown
  /** Where this event's text sits in the events text. */
  range: Range
}

/** Closed set of events diagnostic codes, as for the rule's: the UI and CLI branch on these. */
export type EventsDiagnosticCode =
  /** Text that is not JSON where an event should be. */
  | 'EVENTS_SYNTAX'
  /** A comma between events that are not inside a JSON array. */
  | 'EVENTS_SEPARATOR'
  /** Text after a complete JSON array. */
  | 'EVENTS_TRAILING_TEXT'
  /** One event over the size a reader accepts (the CLI caps it). */
  | 'EVENT_TOO_LARGE'
  /** An exception inside the engine while reading the events or judging one event. */
  | 'INTERNAL'

export interface EventsDiagnostic {
  code: EventsDiagnosticCode
  severity: Severity
  message: string
  range: Range
  /** The event concerned (0-based, as rows and CLI lines number them), when there is one. */
  event?: number
}

/**
 * An exception inside the engine while judging one event. It is not a verdict: callers report
 * it (see `eventFailureDiagnostic`) and never count it as a match or a non-match.
 */
export interface EventFailure {
  failed: true
  /** What went wrong, e.g. `RangeError: Maximum call stack size exceeded`. */
  message: string
}

export interface ParsedEvents {
  format: EventsFormat
  events: EventRecord[]
  diagnostics: EventsDiagnostic[]
}
