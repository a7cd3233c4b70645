/**
 * The worker's state: the last compiled rule and the last parsed events, each cached so that a
 * rule edit never re-parses events and an events edit never recompiles the rule. Pure: it runs
 * in the worker and in Node tests alike.
 */
import {
  builtinPipelineFor,
  compileRule,
  eventFailureDiagnostic,
  explain,
  isEventFailure,
  fieldMisses,
  logsourceFit,
  parseEvents,
  preparedSearchValue,
  ruleFingerprint,
  summarizeShapes,
  withShapePipeline,
} from '../engine/index.ts'
import type {
  EngineOptions,
  EventFailure,
  EventsDiagnostic,
  OutlineItem,
  ParsedEvents,
  PreparedEvent,
  ShapeSummary,
} from '../engine/index.ts'
import type { AnalysisResult, Phase, Progress } from './protocol.ts'
import type { Rows } from './rows.ts'
import { allocateRows, emptyRows, setFailedRow, setOutside, setRow, tally } from './rows.ts'
import { summarizeTrace } from './summary.ts'
import type { TuningRequest } from '../engine/index.ts'
import { Tuner } from './tuner.ts'
import { EditMemo } from './edit-memo.ts'
import { runCorrelations, type CorrelationView } from './correlations.ts'
import { runRuleVerdicts, verdictsOf, withRulesEvaluated } from './rule-verdicts.ts'
import type { RuleVerdicts } from './rule-verdicts.ts'
import type { FieldCoverage, SetRule } from '../engine/index.ts'
import { fieldCoverageSteps } from '../engine/index.ts'

type Compiled = ReturnType<typeof compileRule>
type Rule = NonNullable<Compiled['rule']>

/** Most rows a single request may ask detailed summaries for (explain costs ~10× a verdict). */
const DETAIL_WINDOW_LIMIT = 200

/** Events evaluated between pauses. */
const STEP = 64

const EMPTY_EVENTS: ParsedEvents = { format: 'empty', events: [], diagnostics: [] }

export class Analyzer {
  private compiled?: Compiled
  private parsed: ParsedEvents = EMPTY_EVENTS
  /** The shape detection saw, whatever the options force: what the page names. */
  private shape: ShapeSummary = summarizeShapes([])
  /** Where each event sits, flattened once per parse (cheap to send, unlike 100,000 pairs). */
  private ranges = new Uint32Array(0)
  private rows?: Rows
  /** The tally of `rows`, kept while they are: scrolling or selecting changes neither. */
  private tallied?: { rows: Rows; counts: ReturnType<typeof tally> }
  /** What the verdicts depend on: the detection section and the options (see verdictKey). */
  private verdictKey?: string
  /**
   * Each event readied for matching (shape detected, fields looked up once), kept across rule
   * edits: a prepared event depends on the events and the shape options only, never the rule.
   */
  private prepared: { key: string; views: (PreparedEvent | undefined)[] } = { key: '', views: [] }
  /** Summaries from a full explanation, by row, for the current rows. */
  private detailed = new Map<number, string>()
  private readonly tuner = new Tuner()
  private readonly memo = new EditMemo()
  /** The correlations of the current rule text over the current events, once per change. */
  private correlated?: {
    compiled: Compiled
    parsed: ParsedEvents
    view: CorrelationView
    diagnostics: Compiled['diagnostics']
    rules: SetRule[]
    matches: boolean[][]
  }
  /** Every detection rule's verdicts when the text holds several, once per change. */
  /** The rule's fields over every event (present in how many; look-alikes when in none). */
  private coverage?: { compiled: Compiled; parsed: ParsedEvents; fields: FieldCoverage[] }
  private ruleVerdicts?: { compiled: Compiled; parsed: ParsedEvents; verdicts?: RuleVerdicts }
  private options: EngineOptions = {}
  private readonly timings: Record<Phase, number> = {
    parse: 0,
    compile: 0,
    evaluate: 0,
    explain: 0,
  }

  constructor(private readonly onPhase: (phase: Phase) => void = () => {}) {}

  /** The last rule and the user's options, recompiled when the events' shape changes. */
  private ruleInput?: { text: string; options: EngineOptions }

  /** " · `Image` is missing; …" for the rule's field items this event cannot satisfy. */
  private missesOf(rule: Rule, value: unknown, identifiers: Record<string, boolean>): string {
    const misses = fieldMisses(rule, this.outlineItems(), value, identifiers)
    return misses.map((m) => ` · ${m.message}`).join('')
  }

  /** The rule's items as written, read from the compile's own parse (kept with it). */
  private outlineItems(): OutlineItem[] {
    return this.compiled?.outline?.items ?? []
  }

  setRule(text: string, userOptions: EngineOptions): void {
    this.onPhase('compile')
    const start = performance.now()
    this.ruleInput = { text, options: userOptions }
    // Events whose shape calls for a built-in pipeline (ECS) get it unless the user set theirs.
    const options = withShapePipeline(userOptions, this.shape.body)
    const before = this.compiled?.rule ? this.verdictKey : undefined
    this.compiled = compileRule(text, options)
    this.options = options
    this.verdictKey = verdictKey(this.compiled.fingerprint, options)
    this.timings.compile = performance.now() - start
    // Editing the title, tags or description changes no verdict: keep the rows (they hold no
    // offsets). Only the selected event's trace is redone, since its ranges moved.
    if (before === undefined || before !== this.verdictKey) this.rows = undefined
  }

  /** True when `ruleText` has the current rule's detection, logsource and options. */
  sameVerdicts(ruleText: string): boolean {
    const key = verdictKey(ruleFingerprint(ruleText), this.options)
    return key !== undefined && key === this.verdictKey
  }

  get ruleText(): string {
    return this.ruleInput?.text ?? ''
  }

  setEvents(text: string): void {
    this.onPhase('parse')
    const start = performance.now()
    this.parsed = parseEvents(text)
    const events = this.parsed.events
    const shapeBefore = this.shape.body
    this.shape = summarizeShapes(events.map((e) => e.value))
    if (this.ruleInput && builtinPipelineFor(shapeBefore) !== builtinPipelineFor(this.shape.body))
      this.setRule(this.ruleInput.text, this.ruleInput.options)
    this.ranges = new Uint32Array(events.length * 2)
    events.forEach((e, i) => this.ranges.set(e.range, 2 * i))
    this.tuner.setEvents(text, events, this.ranges)
    this.timings.parse = performance.now() - start
    this.rows = undefined
    this.prepared = { key: '', views: [] }
    this.memo.forget()
  }

  /** Runs a whole analysis at once (tests, small inputs). */
  analyze(
    selectedWanted: number,
    window: readonly [number, number] = [0, 50],
    tuning?: TuningRequest,
  ): AnalysisResult {
    const steps = this.steps(selectedWanted, window, tuning)
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
    }
  }

  /**
   * The same analysis, pausing every few events with how far it got, so the worker can report
   * progress (the heartbeat its time budget watches), take newer requests and abandon this one.
   * Every pass over the events pauses: evaluation, the tuning view and the explained rows. A run
   * abandoned midway leaves no partial rows behind. With `tuning`, the window counts rows of the
   * tuning view.
   */
  *steps(
    selectedWanted: number,
    window: readonly [number, number] = [0, 50],
    tuning?: TuningRequest,
  ): Generator<Progress, AnalysisResult> {
    const compiled = this.compiled ?? compileRule('', {})
    const events = this.parsed.events
    const rule = compiled.rule
    const names = compiled.identifiers.map((i) => i.name)
    if (rule) this.enterMemo(compiled)
    if (rule && !this.rows) this.rows = yield* this.evaluateAll(rule, names)
    const rows = rule ? (this.rows ?? emptyRows(names)) : emptyRows(names)
    const tuned = rule ? yield* this.tuner.run(rows, rule, tuning, this.options) : undefined
    if (rule) rows.summaries = yield* this.detail(rule, rows, window, tuned?.view)
    const selected =
      events.length === 0 ? -1 : Math.max(0, Math.min(selectedWanted, events.length - 1))

    let trace: AnalysisResult['trace']
    const selectedEvent = events[selected]
    if (rule && selectedEvent) {
      this.onPhase('explain')
      const start = performance.now()
      const explained = explain(rule, selectedEvent.value)
      // A failed event has no trace; its row and the status say why.
      if (!isEventFailure(explained)) trace = explained
      this.timings.explain = performance.now() - start
    }

    if (this.tallied?.rows !== rows) this.tallied = { rows, counts: tally(rows) }
    const { matches, perIdentifier, outside } = this.tallied.counts
    const correlated = yield* this.correlate(compiled)
    const perRule = yield* this.verdictsPerRule(compiled, correlated)
    const coverage = rule ? yield* this.fieldCoverage(compiled, rule) : undefined

    return {
      kind: compiled.kind,
      compiled: rule !== undefined,
      meta: compiled.meta,
      identifiers: compiled.identifiers,
      diagnostics: perRule.diagnostics,
      events: {
        format: this.parsed.format,
        shape: this.shape.label,
        shapeBody: this.shape.body,
        count: events.length,
        ranges: this.ranges,
        diagnostics: this.eventsDiagnostics(rule ? rows : undefined),
      },
      rows,
      counts: { events: events.length, matches, perIdentifier, outside },
      selected,
      trace,
      tuning: tuned,
      ...(correlated ? { correlations: correlated.view } : {}),
      ...(perRule.verdicts ? { ruleVerdicts: perRule.verdicts } : {}),
      ...(coverage ? { coverage } : {}),
      timings: { ...this.timings },
    }
  }

  /** Correlation documents (which compileRule only names) run over every event. */
  private *correlate(compiled: Compiled): Generator<Progress, Analyzer['correlated']> {
    if (!compiled.diagnostics.some((d) => d.code === 'CORRELATION_RULE')) return undefined
    const cached = this.correlated
    if (cached?.compiled === compiled && cached.parsed === this.parsed) return cached
    this.onPhase('evaluate')
    const events = this.parsed.events.map((e) => e.value)
    const total = events.length
    const steps = runCorrelations(this.ruleText, this.options, events, compiled.diagnostics)
    // Verdicts, times, then grouping: about three steps an event; the count is for the eye.
    for (;;) {
      const step = steps.next()
      if (step.done) {
        this.correlated = { compiled, parsed: this.parsed, ...step.value }
        return this.correlated
      }
      yield { task: 'correlate', done: Math.min(total, Math.floor(step.value / 3)), total }
    }
  }

  /** Each rule's verdicts when the text holds several detection rules (see rule-verdicts.ts). */
  private *verdictsPerRule(
    compiled: Compiled,
    correlated: Analyzer['correlated'],
  ): Generator<Progress, { verdicts?: RuleVerdicts; diagnostics: Compiled['diagnostics'] }> {
    const diagnostics = correlated?.diagnostics ?? compiled.diagnostics
    if (!compiled.diagnostics.some((d) => d.code === 'MULTIPLE_DOCUMENTS')) return { diagnostics }
    let cached = this.ruleVerdicts
    // A correlation run has every rule's verdicts already: no second pass over the events.
    if (correlated && (cached?.compiled !== compiled || cached.parsed !== this.parsed))
      cached = this.ruleVerdicts = {
        compiled,
        parsed: this.parsed,
        verdicts: verdictsOf(correlated.rules, correlated.matches),
      }
    if (cached?.compiled !== compiled || cached.parsed !== this.parsed) {
      this.onPhase('evaluate')
      const events = this.parsed.events.map((e) => e.value)
      const steps = runRuleVerdicts(this.ruleText, this.options, events)
      for (;;) {
        const step = steps.next()
        if (step.done) {
          cached = { compiled, parsed: this.parsed, verdicts: step.value }
          break
        }
        yield { task: 'evaluate', done: step.value, total: events.length }
      }
      this.ruleVerdicts = cached
    }
    return {
      verdicts: cached.verdicts,
      diagnostics: withRulesEvaluated(diagnostics, cached.verdicts),
    }
  }

  /** The events' own diagnostics, then one INTERNAL diagnostic per event the engine failed on. */
  private eventsDiagnostics(rows: Rows | undefined): EventsDiagnostic[] {
    const failed = Object.entries(rows?.failures ?? {})
    if (failed.length === 0) return this.parsed.diagnostics
    const failures = failed.map(([key, message]) => {
      const index = Number(key)
      const range = this.parsed.events[index]?.range ?? [0, 0]
      return eventFailureDiagnostic(index, range, { failed: true, message })
    })
    return [...this.parsed.diagnostics, ...failures]
  }

  /**
   * Every event's verdict. Searches whose values are kept (edit-memo.ts) are read back, the
   * others evaluated; their values are kept once every event has been seen (a run given up
   * midway keeps nothing, and so does one that failed on an event).
   */
  private *evaluateAll(rule: Rule, names: string[]): Generator<Progress, Rows> {
    this.onPhase('evaluate')
    const start = performance.now()
    this.detailed = new Map()
    const events = this.parsed.events
    const rows = allocateRows(events.length, names)
    const views = this.preparedViews()
    const keys = rule.searches.map((s) => s.key)
    const kept = this.memo.kept(keys)
    const columns = kept.map((column) => column ?? new Uint8Array(events.length))
    const values = new Array<boolean>(keys.length).fill(false)
    const hitColumns = names.map((name) => rule.names.indexOf(name))
    let failed = false
    for (let index = 0; index < events.length; index++) {
      if (index > 0 && index % STEP === 0)
        yield { task: 'evaluate', done: index, total: events.length }
      const value = events[index]?.value
      const view = (views[index] ??= rule.prepare(value))
      const failure = searchValues(rule, view, index, kept, columns, values)
      if (failure) {
        failed = true
        setFailedRow(rows, index, failure.message)
      } else setRow(rows, index, rule.fromValues(values), values, hitColumns)
      const fit = rule.logsourceFit && logsourceFit(rule, value, view)
      if (fit?.fit === 'outside') setOutside(rows, index, fit.reason)
    }
    if (failed) this.memo.forget()
    else this.memo.keep(keys, columns)
    this.timings.evaluate = performance.now() - start
    return rows
  }

  /** Each rule field's coverage over the events, once per rule and events (see field-coverage). */
  private *fieldCoverage(compiled: Compiled, rule: Rule): Generator<Progress, FieldCoverage[]> {
    const cached = this.coverage
    if (cached?.compiled === compiled && cached.parsed === this.parsed) return cached.fields
    const items = this.outlineItems()
    const events = this.parsed.events
    const raws = events.map((e) => e.value)
    const views = this.preparedViews()
    const prepared = (i: number) => (views[i] ??= rule.prepare(raws[i]))
    const steps = fieldCoverageSteps(rule, items, raws, prepared, this.memo.presence)
    for (;;) {
      const step = steps.next()
      if (step.done) {
        this.coverage = { compiled, parsed: this.parsed, fields: step.value }
        return step.value
      }
      yield { task: 'evaluate', done: step.value, total: events.length }
    }
  }

  /**
   * What the kept readings hold for: the options and the rule's logsource (edit-memo.ts).
   * Entered once per analysis, before the passes that read or fill them.
   */
  private enterMemo(compiled: Compiled): void {
    this.memo.enter(JSON.stringify([this.options, compiled.meta.logsource ?? null]))
  }

  /** The prepared events for the current shape options; a change of those starts afresh. */
  private preparedViews(): (PreparedEvent | undefined)[] {
    const key = `${this.options.flattenEvtx !== false}|${this.options.eventShape ?? ''}`
    if (this.prepared.key !== key) this.prepared = { key, views: [] }
    return this.prepared.views
  }

  /**
   * Explained summaries for the rows on screen; each row is explained once per evaluation. A
   * slow rule makes even a screenful slow, so this pauses after each row.
   */
  private *detail(
    rule: Rule,
    rows: Rows,
    [first, last]: readonly [number, number],
    view?: Uint32Array,
  ): Generator<Progress, Record<number, string>> {
    const summaries: Record<number, string> = {}
    const shown = view?.length ?? rows.count
    const start = Math.max(0, first)
    const end = Math.min(shown, last, start + DETAIL_WINDOW_LIMIT)
    for (let position = start; position < end; position++) {
      if (position > start) yield { task: 'explain', done: position - start, total: end - start }
      const index = view ? (view[position] ?? 0) : position
      let summary = this.detailed.get(index)
      const event = this.parsed.events[index]
      if (summary === undefined && event) {
        const trace = explain(rule, event.value)
        summary = isEventFailure(trace) ? trace.message : summarizeTrace(trace)
        // A row that does not match also says why a field could not (missing, near miss).
        if (!isEventFailure(trace) && !trace.match)
          summary += this.missesOf(rule, event.value, trace.identifiers)
        this.detailed.set(index, summary)
      }
      if (summary !== undefined) summaries[index] = summary
    }
    return summaries
  }
}

/**
 * Every search's value on one event into `values`, read from `kept` where it is there, else
 * evaluated and written to `columns`; the engine's failure, if it failed on the event.
 */
function searchValues(
  rule: Rule,
  view: PreparedEvent,
  index: number,
  kept: readonly (Uint8Array | undefined)[],
  columns: readonly Uint8Array[],
  values: boolean[],
): EventFailure | undefined {
  for (let search = 0; search < values.length; search++) {
    const column = kept[search]
    if (column) {
      values[search] = column[index] === 1
      continue
    }
    const value = preparedSearchValue(rule, search, view)
    if (isEventFailure(value)) return value
    values[search] = value
    ;(columns[search] as Uint8Array)[index] = value ? 1 : 0
  }
  return undefined
}

/**
 * What the verdicts depend on: the rule's fingerprint (engine: rule/outline.ts) and the
 * options. Undefined, never equal to anything, when the rule has none.
 */
function verdictKey(fingerprint: string | undefined, options: EngineOptions): string | undefined {
  return fingerprint === undefined ? undefined : JSON.stringify([fingerprint, options])
}
