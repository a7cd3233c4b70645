/**
 * The worker's state: the last compiled rule and the last parsed events, each cached so that a
 * rule edit never re-parses events and an events edit never recompiles the rule. Pure: it runs
 * in the worker and in Node tests alike.
 */
import { compileRule, explain, parseEvents, verdict } from '../engine/index.ts'
import type { EngineOptions, ParsedEvents } from '../engine/types.ts'
import type { AnalysisResult, Phase, RowResult } from './protocol.ts'
import { summarizeTrace, summarizeVerdict } from './summary.ts'

type Compiled = ReturnType<typeof compileRule>
type Rule = NonNullable<Compiled['rule']>

/** Most rows a single request may ask detailed summaries for (explain costs ~10× a verdict). */
export const DETAIL_WINDOW_LIMIT = 200

const EMPTY_EVENTS: ParsedEvents = { format: 'empty', events: [], diagnostics: [] }

export class Analyzer {
  private compiled?: Compiled
  private parsed: ParsedEvents = EMPTY_EVENTS
  private rows?: RowResult[]
  /** Rows of `rows` whose summary already comes from a full explanation. */
  private detailed = new Set<number>()
  private readonly timings: Record<Phase, number> = {
    parse: 0,
    compile: 0,
    evaluate: 0,
    explain: 0,
  }

  constructor(private readonly onPhase: (phase: Phase) => void = () => {}) {}

  setRule(text: string, options: EngineOptions): void {
    this.onPhase('compile')
    const start = performance.now()
    this.compiled = compileRule(text, options)
    this.timings.compile = performance.now() - start
    this.rows = undefined
  }

  setEvents(text: string): void {
    this.onPhase('parse')
    const start = performance.now()
    this.parsed = parseEvents(text)
    this.timings.parse = performance.now() - start
    this.rows = undefined
  }

  analyze(selectedWanted: number, window: readonly [number, number] = [0, 50]): AnalysisResult {
    const compiled = this.compiled ?? compileRule('', {})
    const events = this.parsed.events
    const rule = compiled.rule
    const rows = rule ? (this.rows ??= this.evaluateAll(rule)) : []
    if (rule) this.detail(rule, rows, window)
    const selected =
      events.length === 0 ? -1 : Math.max(0, Math.min(selectedWanted, events.length - 1))

    let trace: AnalysisResult['trace']
    const selectedEvent = events[selected]
    if (rule && selectedEvent) {
      this.onPhase('explain')
      const start = performance.now()
      trace = explain(rule, selectedEvent.value)
      this.timings.explain = performance.now() - start
    }

    const perIdentifier: Record<string, number> = {}
    for (const info of compiled.identifiers) perIdentifier[info.name] = 0
    let matches = 0
    for (const row of rows) {
      if (row.match) matches++
      for (const [name, value] of Object.entries(row.identifiers)) {
        if (value) perIdentifier[name] = (perIdentifier[name] ?? 0) + 1
      }
    }

    return {
      kind: compiled.kind,
      compiled: rule !== undefined,
      meta: compiled.meta,
      identifiers: compiled.identifiers,
      diagnostics: compiled.diagnostics,
      events: {
        format: this.parsed.format,
        count: events.length,
        ranges: events.map((e) => e.range),
        diagnostics: this.parsed.diagnostics,
      },
      rows,
      counts: { events: events.length, matches, perIdentifier },
      selected,
      trace,
      timings: { ...this.timings },
    }
  }

  private evaluateAll(rule: Rule): RowResult[] {
    this.onPhase('evaluate')
    const start = performance.now()
    this.detailed = new Set()
    const rows = this.parsed.events.map((event): RowResult => {
      const v = verdict(rule, event.value)
      return { match: v.match, identifiers: v.identifiers, summary: summarizeVerdict(v) }
    })
    this.timings.evaluate = performance.now() - start
    return rows
  }

  /** Replaces the verdict-only summaries of the rows on screen with explained ones. */
  private detail(rule: Rule, rows: RowResult[], [first, last]: readonly [number, number]): void {
    const end = Math.min(rows.length, last, Math.max(0, first) + DETAIL_WINDOW_LIMIT)
    for (let index = Math.max(0, first); index < end; index++) {
      const row = rows[index]
      const event = this.parsed.events[index]
      if (!row || !event || this.detailed.has(index)) continue
      row.summary = summarizeTrace(explain(rule, event.value))
      this.detailed.add(index)
    }
  }
}
