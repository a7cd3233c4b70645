/**
 * Rule text → compiled rule: parse the YAML once, check it, compile every identifier into
 * closures and every condition into one closure over identifier indexes. Nothing here runs per
 * event. `compileRuleWith` takes the item level as a parameter; index.ts wires the real one.
 */
import type { CompileItem, ItemOptions, PreparedEvent } from './item.ts'
import { planFields, type FieldPlan } from './pipeline/field-plan.ts'
import { eventFitFor, gateByLogsource, logsourceRouteFor } from './logsource/gate.ts'
import { addConditions } from './pipeline/add-conditions.ts'
import type {
  Diagnostic,
  EngineOptions,
  IdentifierInfo,
  Range,
  RuleKind,
  RuleMeta,
} from './types.ts'
import { error, hasErrors, sortDiagnostics } from './diagnostics.ts'
import { parseYaml } from './yaml/parse.ts'
import { classifyDocuments } from './yaml/classify.ts'
import { asMap, findPair, isEmptyDocument, nodeRange } from './yaml/nodes.ts'
import { readMetadata } from './rule/metadata.ts'
import { readDetection } from './rule/detection.ts'
import { compileSearch, type CompiledSearch } from './rule/compile-search.ts'
import { parseCondition } from './condition/parser.ts'
import { resolveCondition, type ResolvedNode } from './condition/resolve.ts'
import { compileCondition, some, type Predicate } from './condition/compile.ts'
import { evaluateRule } from './evaluate.ts'
import type { CompiledRule } from './compiled-rule.ts'
import { lintCompiled, lintRule, type ParsedCondition } from './lint.ts'
import { readFilterDocument, type FilterSource } from './meta/filter-document.ts'
import { joinFilters, notAppliedWarning } from './meta/apply-filters.ts'
import { filterApplies } from './meta/filter-applies.ts'
import type { YamlDocument } from './yaml/parse.ts'
import { fingerprintOf, outlineOf, type RuleOutline } from './rule/outline.ts'
import type { YAMLMap } from 'yaml'

export interface CompileResult {
  rule?: CompiledRule
  kind?: RuleKind
  meta: RuleMeta
  identifiers: IdentifierInfo[]
  /** Where each `condition` value sits in the rule text (for edits such as adding a filter). */
  conditionRanges?: Range[]
  /** What the verdicts depend on (rule/outline.ts); set when the rule compiled, computed when read. */
  fingerprint?: string
  /**
   * The rule's items as written (rule/outline.ts), from the same parse; set when the rule
   * compiled, computed when read, and not carried by copies or messages.
   */
  readonly outline?: RuleOutline
  diagnostics: Diagnostic[]
}

export interface ItemLevel {
  compileItem: CompileItem
  /** False when only errors are wanted: the rule's lints (lint.ts) are not run. */
  warnings: boolean
  prepareEvent: (raw: unknown, options: EngineOptions) => PreparedEvent
}

export function compileRuleWith(
  text: string,
  options: EngineOptions,
  level: ItemLevel,
): CompileResult {
  const parsed = parseYaml(text)
  const diagnostics = [...parsed.diagnostics]
  const done = (extra: Partial<CompileResult> = {}): CompileResult => ({
    meta: {},
    identifiers: [],
    ...extra,
    diagnostics: sortDiagnostics(diagnostics),
  })
  if (diagnostics.some((d) => d.code === 'YAML_SYNTAX')) return done()

  const classified = classifyDocuments(parsed.documents, text)
  diagnostics.push(...classified.diagnostics)
  const { map, doc, kind } = classified
  if (!map || !doc) return done()
  if (kind !== 'detection') return done({ kind, meta: readMetadata(map).meta })
  // Filter documents in the same text are joined to the rule: evaluating the rule without
  // them would be a wrong verdict.
  const filters = readFilters(classified.filters, text, diagnostics)
  // With several rules in the text, a filter that skips the first rule may be meant for a later
  // one: it applies to nothing only when it applies to no rule here (as compileSet says too).
  const otherRules = otherDetections(parsed.documents, map).map((m) => readMetadata(m).meta)
  const notApplied = (filter: FilterSource, why: string) => {
    const whys = [why]
    for (const rule of otherRules) {
      const applies = filterApplies(filter, rule)
      if (applies.applies) return
      whys.push(applies.why)
    }
    diagnostics.push(notAppliedWarning(filter, whys.join('; ')))
  }
  const compiled = compileDetection({
    text,
    map,
    doc,
    filters,
    options,
    level,
    diagnostics,
    notApplied,
  })
  const result = done(compiled)
  if (compiled.rule) withLazyReadings(result, parsed.documents)
  return result
}

/** What a compiled result's lazy readings are worked out from, and each reading once made. */
class LazyReadings {
  fingerprint?: { value: string | undefined }
  outline?: { value: RuleOutline | undefined }
  constructor(readonly documents: readonly YamlDocument[]) {}
}

/** Where a result keeps its readings: not enumerable, so neither copies nor messages carry it. */
const READINGS = Symbol('lazy readings')
type WithReadings = CompileResult & { [READINGS]?: LazyReadings }

/*
 * One getter of each for every result, finding the readings through `this`. A getter closed
 * over each result's documents gave every result a hidden class of its own, which held the
 * YAML tree until a full collection: young collections then copied and promoted whole trees,
 * and compiling SigmaHQ spent a quarter of its time collecting.
 */
function readFingerprint(this: WithReadings): string | undefined {
  const lazy = this[READINGS]
  return lazy && (lazy.fingerprint ??= { value: fingerprintOf(lazy.documents) }).value
}

function readOutline(this: WithReadings): RuleOutline | undefined {
  const lazy = this[READINGS]
  return lazy && (lazy.outline ??= { value: outlineOf(lazy.documents) }).value
}

/**
 * Only the page's worker reads the fingerprint (a twelfth of a corpus compile) and the outline
 * (it would parse the text again on every key): each is worked out on first read, then kept.
 * The fingerprint is enumerable, so copies and messages still carry it.
 */
function withLazyReadings(result: CompileResult, documents: readonly YamlDocument[]): void {
  Object.defineProperty(result, READINGS, { value: new LazyReadings(documents) })
  Object.defineProperty(result, 'fingerprint', {
    enumerable: true,
    configurable: true,
    get: readFingerprint,
  })
  Object.defineProperty(result, 'outline', { configurable: true, get: readOutline })
}

/** The detection documents of the text other than `chosen` (filters and correlations left out). */
function otherDetections(
  documents: readonly YamlDocument[],
  chosen: YAMLMap<unknown, unknown>,
): YAMLMap<unknown, unknown>[] {
  const maps: YAMLMap<unknown, unknown>[] = []
  for (const d of documents) {
    const m = isEmptyDocument(d.contents) ? undefined : asMap(d.contents)
    if (m && m !== chosen && !findPair(m, 'filter') && !findPair(m, 'correlation')) maps.push(m)
  }
  return maps
}

export function readFilters(
  docs: readonly { doc: YamlDocument; map: YAMLMap<unknown, unknown> }[],
  text: string,
  diagnostics: Diagnostic[],
): FilterSource[] {
  return docs
    .map((f, i) => readFilterDocument(f.map, f.doc.doc, text, i + 1, diagnostics))
    .filter((f): f is FilterSource => f !== undefined)
}

export interface DetectionInput {
  text: string
  map: YAMLMap<unknown, unknown>
  doc: YamlDocument
  filters: readonly FilterSource[]
  options: EngineOptions
  level: ItemLevel
  /** Receives every diagnostic of this document (and of the filters joined to it). */
  diagnostics: Diagnostic[]
  notApplied(filter: FilterSource, why: string): void
}

const ownValue = (map: Record<string, string> | undefined, key: string) =>
  map && Object.hasOwn(map, key) ? map[key] : undefined

/*
 * A compiled rule lives as long as its closures, and a closure made inside compileDetection
 * would hold that function's whole scope: the YAML tree, the text and the diagnostics (SigmaHQ's
 * compiled rules kept 140 MB instead of 85, marked by every garbage collection of a rule set).
 * The closures a compiled rule keeps are made here, holding only what they read.
 */
const valueAt =
  (i: number) =>
  (values: readonly boolean[]): boolean =>
    values[i] === true

function eventAccess(
  level: ItemLevel,
  options: ItemOptions,
  fieldPlan: FieldPlan | undefined,
  fieldMap: EngineOptions['fieldMap'],
): Pick<CompiledRule, 'prepare' | 'eventFieldsOf'> {
  return {
    prepare: (raw) => level.prepareEvent(raw, options),
    eventFieldsOf: (field) =>
      fieldPlan ? fieldPlan.names(field) : [ownValue(fieldMap, field) ?? field],
  }
}

/** One detection document (with the filters that apply to it) → the compiled rule. */
export function compileDetection(input: DetectionInput): Omit<CompileResult, 'diagnostics'> {
  const { text, map, doc, filters, level, diagnostics } = input
  const kind: RuleKind = 'detection'
  const done = (extra: Omit<CompileResult, 'diagnostics' | 'kind'>) => ({ kind, ...extra })
  const yamlDoc = doc.doc
  const { meta, diagnostics: metaDiagnostics } = readMetadata(map)
  diagnostics.push(...metaDiagnostics)
  // Field names depend on the rule's logsource (rule_conditions), so the plan is per rule.
  const fieldPlan = planFields(input.options.pipelines ?? [], input.options.fieldMap, meta)
  // Assigned, not spread: a key added after a spread costs a hidden class per object in V8.
  const options: ItemOptions = fieldPlan
    ? Object.assign({}, input.options, { fieldPlan })
    : input.options

  const headRange: Range = map.items[0] ? nodeRange(map.items[0].key) : [0, 0]
  const ctx = { text, doc: yamlDoc, diagnostics }
  const detection = readDetection(map, headRange, ctx)
  const ruleIdentifiers: IdentifierInfo[] = detection.identifiers.map(
    ({ name, kind, keyRange, range }) => ({
      name,
      kind,
      keyRange,
      range,
    }),
  )
  const ruleNames = ruleIdentifiers.map((i) => i.name)
  const conditionRanges = detection.conditions.map((c) => c.range)

  const ruleSearches: (CompiledSearch | undefined)[] = detection.identifiers.map(
    (ident) => ident.body && compileSearch(ident.body, options, level.compileItem, diagnostics),
  )

  const conditions: ParsedCondition[] = detection.conditions.map((source) => {
    const { ast, diagnostics: syntax } = parseCondition(source)
    diagnostics.push(...syntax)
    if (!ast) return { source }
    const resolution = resolveCondition(ast, ruleNames)
    diagnostics.push(...resolution.diagnostics)
    return { source, ast, resolution }
  })

  if (level.warnings)
    diagnostics.push(
      ...lintRule({ map, meta, headRange, identifiers: ruleIdentifiers, conditions }),
    )

  const joined = joinFilters(
    {
      identifiers: ruleIdentifiers,
      searches: ruleSearches,
      conditions: conditions.map((c) => c.resolution?.node),
    },
    filters,
    {
      rule: meta,
      options,
      compileItem: level.compileItem,
      diagnostics,
      notApplied: input.notApplied,
    },
  )
  const added = addConditions(
    joined,
    fieldPlan,
    (item) => level.compileItem(item, options),
    diagnostics,
  )
  const route = logsourceRouteFor(meta, fieldPlan)
  const fit = route && eventFitFor(route)
  const gate = input.options.logsourceOnly ? route : undefined
  const {
    identifiers,
    searches,
    conditions: resolved,
  } = fit && gate ? gateByLogsource(added, fit) : added
  const names = identifiers.map((i) => i.name)
  // Invalid metadata is reported (and `check` counts it) but never stops evaluation: authors
  // write drafts.
  const blocking = diagnostics.filter((d) => d.code !== 'BAD_METADATA')
  if (
    hasErrors(blocking) ||
    searches.some((s) => !s) ||
    resolved.some((n) => !n) ||
    resolved.length === 0
  )
    return done({ meta, identifiers, conditionRanges })

  const compiled = searches as CompiledSearch[]
  const nodes = resolved as ResolvedNode[]
  const matchers = compiled.map((s) => s.match)
  // A `condition:` list matches when any of its conditions does.
  const fast = some(
    nodes.map((n) =>
      compileCondition<PreparedEvent>(n, (i) => matchers[i] as Predicate<PreparedEvent>),
    ),
  )
  const fromValues = some(nodes.map((n) => compileCondition<readonly boolean[]>(n, valueAt)))
  const rule: CompiledRule = {
    meta,
    identifiers,
    names,
    searches: compiled,
    conditions: nodes,
    ...eventAccess(level, options, fieldPlan, input.options.fieldMap),
    matches: fast,
    fromValues,
    ...(fit && { logsourceFit: fit }),
    ...(gate && { logsourceGate: gate }),
  }
  if (level.warnings)
    diagnostics.push(...lintCompiled((event) => evaluateRule(rule, event), conditions))
  return done({ rule, meta, identifiers, conditionRanges })
}

/** compileRuleWith, with any unexpected exception turned into an INTERNAL diagnostic. */
export function compileRuleSafely(
  text: string,
  options: EngineOptions,
  level: ItemLevel,
): CompileResult {
  try {
    return compileRuleWith(text, options, level)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return {
      meta: {},
      identifiers: [],
      diagnostics: [
        error('INTERNAL', `Internal error while compiling the rule: ${detail}`, [
          0,
          Math.min(1, text.length),
        ]),
      ],
    }
  }
}
