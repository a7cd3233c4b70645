/**
 * The item compiler the rule level calls: checks the modifiers, runs them over each value,
 * and builds the match / explain closures once.
 */
import type { CompiledItem, CompileItem, ItemOptions, ItemSource } from '../item.ts'
import type { Diagnostic, EngineOptions, Scalar } from '../types.ts'
import type { CompiledValue, ValueSource } from './compiled-value.ts'
import { droppedItem, makeFieldItem } from './field-item.ts'
import { makeKeywordItem } from './keyword-item.ts'
import type { LeafTest } from './leaf-tests.ts'
import { compileLeafTest } from './leaf-tests.ts'
import type { CheckedModifier } from '../modifiers/pipeline.ts'
import { applyModifiers, checkModifiers } from '../modifiers/pipeline.ts'
import { lintItem } from '../modifiers/lint-item.ts'
import { contains } from '../modifiers/strings.ts'
import type { Alternative } from '../modifiers/typed-value.ts'
import {
  itemScreen,
  negatedItemScreen,
  NOTHING_KNOWN,
  valueNeedles,
  type Screens,
} from '../ruleset/needles.ts'

function toSource(value: Scalar, index: number, range: ItemSource['range']): ValueSource {
  return { index, range, text: value === null ? 'null' : String(value) }
}

function leafAlternatives(alternatives: Alternative[], keyword: boolean) {
  const out: { test: LeafTest; variant?: string }[] = []
  for (const alt of alternatives) {
    // Keywords are substring searches: an implicit `*` on both sides.
    const value = keyword && alt.value.kind === 'string' ? contains(alt.value) : alt.value
    const test = compileLeafTest(value)
    if (test) out.push(alt.variant === undefined ? { test } : { test, variant: alt.variant })
  }
  return out
}

/** The event fields a rule field is read from: the pipelines' plan, else the user's field map. */
function mapFields(field: string, options: EngineOptions): string[] {
  const plan = (options as ItemOptions).fieldPlan
  if (plan) return plan.names(field)
  const map = options.fieldMap
  const mapped = map && Object.hasOwn(map, field) ? map[field] : undefined
  return [typeof mapped === 'string' ? mapped : field]
}

const mapField = (field: string, options: EngineOptions) => mapFields(field, options)[0] ?? field

function toCompiledValue(alternatives: Alternative[], options: EngineOptions): CompiledValue {
  const only = alternatives.length === 1 ? alternatives[0]?.value : undefined
  if (only?.kind === 'null') return { kind: 'null' }
  if (only?.kind === 'exists') return { kind: 'exists', expected: only.value }
  if (only?.kind === 'fieldref')
    return { kind: 'fieldref', field: mapField(only.field, options), position: only.position }
  return { kind: 'leaf', alternatives: leafAlternatives(alternatives, false) }
}

function compileValues(
  checked: CheckedModifier[],
  source: ItemSource,
  options: EngineOptions,
  diagnostics: Diagnostic[],
): { alternatives: Alternative[]; source: ValueSource }[] {
  const keyword = source.field === null
  const out: { alternatives: Alternative[]; source: ValueSource }[] = []
  source.values.forEach((entry, index) => {
    let value = entry.value
    if (keyword && (value === null || typeof value === 'boolean')) {
      const message = `${value === null ? 'Null' : 'Boolean'} values can't stand without a field name`
      diagnostics.push({ code: 'BAD_VALUE', severity: 'error', message, range: entry.range })
      return
    }
    // A keyword number is searched through its decimal text.
    if (keyword && typeof value === 'number') value = String(value)
    const applied = applyModifiers(checked, value, entry.range, options)
    for (const d of applied.diagnostics)
      if (
        !diagnostics.some(
          (e) => e.code === d.code && e.range[0] === d.range[0] && e.range[1] === d.range[1],
        )
      )
        diagnostics.push(d)
    if (applied.alternatives)
      out.push({
        alternatives: applied.alternatives,
        source: toSource(entry.value, index, entry.range),
      })
  })
  return out
}

export const compileItem: CompileItem = (source, options) => compileGuarded(source, options, true)

/** For rule sets and `eval`, which show errors only: the item's lints are not run. */
export const compileItemErrorsOnly: CompileItem = (source, options) =>
  compileGuarded(source, options, false)

function compileGuarded(
  source: ItemSource,
  options: EngineOptions,
  warnings: boolean,
): ReturnType<CompileItem> {
  try {
    return compileItemUnsafe(source, options, warnings)
  } catch (error) {
    // The public API never throws; an internal fault is reported against the item.
    const message = `Internal error compiling this item: ${error instanceof Error ? error.message : String(error)}`
    return { diagnostics: [{ code: 'BAD_VALUE', severity: 'error', message, range: source.range }] }
  }
}

/**
 * The item's key (CompiledItem.key): its field, modifiers and values, and nothing of where they
 * sit. Each value keeps its type and sign, since JSON would write NaN as null and -0 as 0.
 */
function itemKey(field: string | null, modifiers: string[], values: ItemSource['values']): string {
  const typed = values.map(({ value }) =>
    Object.is(value, -0) ? 'number:-0' : `${typeof value}:${String(value)}`,
  )
  return JSON.stringify([field, modifiers, typed])
}

/**
 * The item with what the rule level reads beside its closures, written out rather than spread:
 * in Node 20's V8, keys added after a spread (`{ ...item, key }`) give each object a hidden
 * class of its own, about a microsecond apiece, which only a full collection frees.
 */
function withReadings(item: CompiledItem, key: string, screens?: () => Screens): CompiledItem {
  return { match: item.match, explain: item.explain, key, screens }
}

/**
 * The item's screens, worked out when a rule set asks (its searches keep what they join): a
 * single rule never reads them, and they were a tenth of compiling SigmaHQ. Only the values'
 * needles are read now; the alternatives are large and are not kept. `field` is the event
 * field looked up (null for keywords); a miss can say only of `missedField` that it is there.
 */
function lazyScreens(
  alternatives: readonly Alternative[][],
  linking: 'and' | 'or',
  negated: boolean,
  field: string | null,
  missedField?: string,
): () => Screens {
  const values = alternatives.map(valueNeedles)
  return () => ({
    screen: itemScreen(values, linking, negated, field),
    negatedScreen:
      missedField === undefined
        ? NOTHING_KNOWN
        : negatedItemScreen(values, linking, negated, missedField),
  })
}

function compileItemUnsafe(source: ItemSource, options: EngineOptions, warnings: boolean) {
  const keyword = source.field === null
  const { checked, diagnostics } = checkModifiers(source.modifiers, keyword)
  const modifiers = source.modifiers.map((m) => m.name)
  const linking = modifiers.includes('all') ? ('and' as const) : ('or' as const)
  const negated = modifiers.includes('neq')
  // `Field: []` means `Field: null` (pySigma).
  const values =
    source.values.length > 0 || keyword ? source.values : [{ value: null, range: source.keyRange }]
  const compiled = compileValues(checked, { ...source, values }, options, diagnostics)
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics }
  if (warnings) diagnostics.push(...lintItem(source))
  const common = { modifiers, keyRange: source.keyRange, range: source.range, linking, negated }
  const alternatives = compiled.map((v) => v.alternatives)
  const key = itemKey(source.field, modifiers, values)
  if (keyword) {
    const item = makeKeywordItem({
      modifiers,
      keyRange: source.keyRange,
      range: source.range,
      linking,
      negated,
      values: compiled.map((v) => ({
        alternatives: leafAlternatives(v.alternatives, true),
        source: v.source,
      })),
    })
    const screens = lazyScreens(alternatives, linking, negated, null)
    return { item: withReadings(item, key, screens), diagnostics }
  }
  const field = source.field ?? ''
  const plan = (options as ItemOptions).fieldPlan
  if (plan?.dropped(field))
    return { item: withReadings(droppedItem(field, common), key), diagnostics }
  const lookupFields = mapFields(field, options)
  const item = makeFieldItem({
    modifiers,
    keyRange: source.keyRange,
    range: source.range,
    linking,
    negated,
    field,
    lookupFields,
    values: compiled.map((v) => ({
      compiled: toCompiledValue(v.alternatives, options),
      source: v.source,
    })),
  })
  // A field read from any of several names holds none of them for sure: promise nothing.
  if (lookupFields.length > 1) return { item: withReadings(item, key), diagnostics }
  // A miss says its field is there only when the item reads one name.
  const [only] = lookupFields
  const screens = lazyScreens(alternatives, linking, negated, only ?? field, only)
  return { item: withReadings(item, key, screens), diagnostics }
}
