/**
 * The seam between the rule level (YAML, identifiers, conditions) and the item level
 * (one `Field|mods: values` entry, or a keyword list): the rule level hands over an
 * ItemSource and gets back closures compiled once per rule.
 */
import type { FieldPlan } from './pipeline/field-plan.ts'
import type { Screens } from './ruleset/needles.ts'
import type { Diagnostic, EngineOptions, FieldTrace, KeywordTrace, Range, Scalar } from './types.ts'

export interface ItemSource {
  /** Field name without modifiers; null for a keyword item (a list of scalars, or `'|mods': …`). */
  field: string | null
  modifiers: { name: string; range: Range }[]
  /** A scalar value gives one entry; a YAML list one entry per element. */
  values: { value: Scalar; range: Range }[]
  keyRange: Range
  /** Key and values together. */
  range: Range
}

/** An event readied for lookups; its shape is private to match/. */
export interface PreparedEvent {
  readonly raw: unknown
}

export interface CompiledItem {
  /**
   * What the item tests, as text: two items compiled with the same options for rules of the
   * same logsource, with the same key, give the same verdict on every event (the page keeps
   * verdicts by it while the rule is edited). Absent when that cannot be told.
   */
  readonly key?: string
  /**
   * What any event this item matches, and any it does not, must hold (ruleset/needles.ts);
   * worked out when asked, since only rule sets read them. Absent: nothing is known.
   */
  readonly screens?: () => Screens
  /** Fast path: may short-circuit. */
  match(event: PreparedEvent): boolean
  /** Explaining path: never short-circuits; must agree with `match`. */
  explain(event: PreparedEvent): FieldTrace | KeywordTrace
}

/** Options as the item level sees them: the rule's field plan (pipelines) joined in. */
export interface ItemOptions extends EngineOptions {
  fieldPlan?: FieldPlan
}

export type CompileItem = (
  source: ItemSource,
  options: EngineOptions,
) => { item?: CompiledItem; diagnostics: Diagnostic[] }
