/**
 * The engine's one public door. Nothing here throws on any input: an unexpected failure
 * becomes an INTERNAL diagnostic (compile) or an EventFailure (per event), never a verdict.
 */
import { compileRuleSafely, type CompileResult, type ItemLevel } from './compile.ts'
import type { CompiledRule } from './compiled-rule.ts'
import type { PreparedEvent } from './item.ts'
export type { PreparedEvent } from './item.ts'
import { evaluateRule, verdictOf } from './evaluate.ts'
import { explainRule } from './explain.ts'
import { compileItem, compileItemErrorsOnly } from './item-compiler/compile-item.ts'
import { prepareEvent } from './match/prepare-event.ts'
import { failure } from './event-failure.ts'
import type { EngineOptions, EventFailure, Trace, Verdict } from './types.ts'
import type { LogsourceFit } from './logsource/logsource-fit.ts'
import { generateFrom, type GenerateResult } from './generate/generate.ts'
import { compileSetWith, type CompiledSet } from './correlation/compile-set.ts'
import { error } from './diagnostics.ts'
import { insertFilterBlocksWith, type InsertResult } from './tuning/insert-filter.ts'
import { appendFilterDocumentWith } from './tuning/filter-document-text.ts'
import { checkProposalStepsWith } from './tuning/proposal-check.ts'
import { drain, type Steps } from './tuning/steps.ts'
import type { Expectations, FilterBlock, FilterProposal } from './tuning/types.ts'
import type { EventRecord } from './types.ts'

export type * from './types.ts'
export type { CompileResult } from './compile.ts'
export type { CompiledRule } from './compiled-rule.ts'
export type { GeneratedEvent, GenerateResult } from './generate/generate.ts'
export { runSet, runSetSteps, type SetRun, type RunOptions } from './correlation/run-set.ts'
export type { CompiledSet, SetRule } from './correlation/compile-set.ts'
export type { CorrelationAlert, GroupOutcome } from './correlation/correlate.ts'
export { TIME_FIELDS } from './correlation/event-time.ts'
export { isSliding } from './correlation/aggregate.ts'
export { formatDiagnostic, lineCol, LineIndex, type LineCol } from './line-index.ts'
export { decodeFileText, swapPairs, utf16Order, type ByteOrder } from './decode-text.ts'
export { editDistance } from './edit-distance.ts'
export { parseEvents } from './events/parse-events.ts'
export { containerPath } from './events/containers.ts'
// For readers that cut a stream of events text into records before parsing it.
export { findValueEnd, skipWhitespace } from './events/json-scan.ts'
export { expandContainers } from './events/containers.ts'
export { looksLikeCsv } from './events/csv.ts'
export { parsePipeline, type ParsedPipeline } from './pipeline/parse-pipeline.ts'
export {
  BUILTIN_PIPELINES,
  builtinPipelineFor,
  mapsFieldsItself,
  withShapePipeline,
  type BuiltinPipeline,
} from './pipeline/builtin.ts'
export { expandValue } from './modifiers/expand-value.ts'
export { placeholderNames } from './modifiers/expand.ts'
export { modifierFacts, modifiersIn, type ModifierFacts } from './modifiers/registry.ts'
export { locateFields } from './events/locate.ts'
export {
  outlineRule,
  ruleFingerprint,
  type OutlineItem,
  type OutlineValue,
  type RuleOutline,
} from './rule/outline.ts'
export {
  BODY_LABELS,
  SHAPE_OVERRIDES,
  detectShape,
  shapeLabel,
  summarizeShapes,
  type BodyShape,
  type ShapeOverride,
  type ShapeSummary,
} from './events/shapes.ts'
export { RuleSet, type RuleSetMatch } from './ruleset/ruleset.ts'
export {
  logsourceJudge,
  type EventIdentity,
  type LogsourceFit,
  type LogsourceJudge,
} from './logsource/logsource-fit.ts'
export { LOGSOURCE_IDENTIFIER } from './logsource/gate.ts'
export { fieldMisses, type FieldMiss } from './coverage/field-misses.ts'
export { nearMiss } from './coverage/near-miss.ts'
export { fieldCoverageSteps, type FieldCoverage } from './coverage/field-coverage.ts'
export { eventFailureDiagnostic, isEventFailure } from './event-failure.ts'

const WITH_WARNINGS: ItemLevel = { compileItem, prepareEvent, warnings: true }
const ERRORS_ONLY: ItemLevel = { compileItem: compileItemErrorsOnly, prepareEvent, warnings: false }

/**
 * `warnings: false` leaves out the lints (lint.ts, lint-item.ts: style and likely mistakes): the
 * same rule and the same errors, for callers that show errors only (a rule set, `eval`), at
 * about seven eighths of the time.
 */
export function compileRule(
  text: string,
  options: EngineOptions = {},
  mode?: { warnings?: boolean },
): CompileResult {
  const level = mode?.warnings === false ? ERRORS_ONLY : WITH_WARNINGS
  return compileRuleSafely(typeof text === 'string' ? text : '', options ?? {}, level)
}

/** Every document of a text: rules with their filters, and correlations (see correlation/). */
export function compileSet(text: string, options: EngineOptions = {}): CompiledSet {
  try {
    return compileSetWith(typeof text === 'string' ? text : '', options ?? {}, WITH_WARNINGS)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return {
      rules: [],
      correlations: [],
      diagnostics: [
        error('INTERNAL', `Internal error while compiling the rules: ${detail}`, [
          0,
          Math.min(1, text.length),
        ]),
      ],
    }
  }
}

/**
 * The fast verdict: `true`, `false`, or an EventFailure when the engine itself failed on this
 * event. Compare with `=== true`; a failure is never a non-match.
 */
export function evaluate(rule: CompiledRule, event: unknown): boolean | EventFailure {
  try {
    return evaluateRule(rule, event)
  } catch (e) {
    return failure(e)
  }
}

export function verdict(rule: CompiledRule, event: unknown): Verdict | EventFailure {
  try {
    return verdictOf(rule, event)
  } catch (e) {
    return failure(e)
  }
}

/**
 * One search's value on an event readied by `rule.prepare`: the page evaluates only the searches
 * an edit changed and keeps the others' values by their key (CompiledSearch.key).
 */
export function preparedSearchValue(
  rule: CompiledRule,
  search: number,
  prepared: PreparedEvent,
): boolean | EventFailure {
  try {
    return rule.searches[search]?.match(prepared) === true
  } catch (e) {
    return failure(e)
  }
}

/**
 * Whether the event belongs to the rule's logsource (category → EventID/Channel/Provider,
 * service → Channel), read through the rule's pipelines; `unknown` when that cannot be told.
 */
export function logsourceFit(
  rule: CompiledRule,
  event: unknown,
  prepared?: PreparedEvent,
): LogsourceFit {
  try {
    return rule.logsourceFit?.(prepared ?? rule.prepare(event)) ?? { fit: 'unknown' }
  } catch {
    return { fit: 'unknown' }
  }
}

export function explain(rule: CompiledRule, event: unknown): Trace | EventFailure {
  try {
    return explainRule(rule, event)
  } catch (e) {
    return failure(e)
  }
}

/** Events that show what the rule matches and where each of its edges lies, each checked. */
export function generateEvents(text: string, options: EngineOptions = {}): GenerateResult {
  try {
    // The throwing verdict: a failure on one event ends generation with a problem (below).
    return generateFrom(text, options ?? {}, { compile: compileRule, verdict: verdictOf })
  } catch (e) {
    return { events: [], problem: `Internal error while generating: ${String(e)}` }
  }
}

// The tuning loop (top values, views, what-if, suggested filters): see tuning/index.ts.
export * from './tuning/index.ts'

/**
 * Inserts `filter_optional_*` blocks after the rule's last search identifier and adds them to
 * its condition; the rest of the text stays byte for byte (tuning/insert-filter.ts).
 */
export function insertFilterBlocks(ruleText: string, blocks: FilterBlock[]): InsertResult {
  return insertFilterBlocksWith(ruleText, blocks, compileRule(ruleText))
}

/** The proposed blocks as a Sigma filter document after the rule (the rule itself unchanged). */
export function appendFilterDocument(ruleText: string, blocks: FilterBlock[]): InsertResult {
  return appendFilterDocumentWith(ruleText, blocks, compileRule(ruleText).meta)
}

/** What a proposed filter removes among the current matches, decided by this engine. */
export function checkProposal(
  proposal: FilterProposal,
  events: readonly EventRecord[],
  match: Uint8Array,
  expect: Expectations,
  options: EngineOptions,
): FilterProposal {
  return drain(checkProposalSteps(proposal, events, match, expect, options))
}

/** `checkProposal`, yielding the number of events checked so far (see tuning/steps.ts). */
export function checkProposalSteps(
  proposal: FilterProposal,
  events: readonly EventRecord[],
  match: Uint8Array,
  expect: Expectations,
  options: EngineOptions,
): Steps<FilterProposal> {
  const engine = {
    compile: (text: string, o: EngineOptions) => compileRule(text, o).rule,
    evaluate,
  }
  return checkProposalStepsWith(engine, proposal, events, match, expect, options)
}
