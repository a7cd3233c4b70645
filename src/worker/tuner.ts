/**
 * The worker's side of the tuning loop: the view (mode and search), top values for the events
 * in view, what-if verdicts and filter proposals. Each part is cached on what it depends on,
 * so scrolling or selecting an event redoes none of them. Each pass over the events pauses
 * with its progress, as evaluation does: on 50 MB of events top values alone take seconds,
 * and a silent worker would be stopped by the page's time budget as if it were stuck.
 */
import type { CompiledRule, EngineOptions, EventReading, EventRecord } from '../engine/index.ts'
import type { Steps } from '../engine/index.ts'
import { checkProposalSteps } from '../engine/index.ts'
import { eventFields, type FieldPairs } from '../engine/index.ts'
import { suggestFilterSteps } from '../engine/index.ts'
import { fieldIndexSteps, topValueSteps, type FieldIndex } from '../engine/index.ts'
import type { Expectations, FieldTop, FilterProposal } from '../engine/index.ts'
import type { TuningRequest, TuningResult } from '../engine/index.ts'
import { EventSearch, selectView } from '../engine/index.ts'
import { whatIfSteps } from '../engine/index.ts'
import type { Progress, Task } from './protocol.ts'
import type { Rows } from './rows.ts'

/** An engine pass's pauses as progress of `task` over `total` items. */
export function* reporting<T>(task: Task, total: number, steps: Steps<T>): Generator<Progress, T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    yield { task, done: step.value, total }
  }
}

const ALL = 'all'

export class Tuner {
  private events: readonly EventRecord[] = []
  private search = new EventSearch('', new Uint32Array(0))
  private fields: (FieldPairs | undefined)[] = []
  /** Every event's field values interned, built on the first top values of an events text. */
  private index?: FieldIndex
  private cachedView?: { key: string; rows: Rows; view?: Uint32Array }
  private cachedTop?: { key: string; rows: Rows; top: FieldTop[] }
  private cachedWhatIf?: { key: string; rows: Rows; result: TuningResult['whatif'] }
  private proposal?: FilterProposal
  private all = new Uint32Array(0)
  /** How the options read the events: the fields are named so, and kept until it changes. */
  private reading: EventReading = { flattenEvtx: true }

  /** 0, 1, 2, …: every event in view. */
  private identity(count: number): Uint32Array {
    if (this.all.length !== count) this.all = Uint32Array.from({ length: count }, (_, i) => i)
    return this.all
  }

  setEvents(text: string, events: readonly EventRecord[], ranges: Uint32Array): void {
    this.events = events
    this.search = new EventSearch(text, ranges)
    this.forgetFields()
    this.cachedView = this.cachedWhatIf = undefined
  }

  private forgetFields(): void {
    this.fields = new Array<FieldPairs | undefined>(this.events.length)
    this.index = undefined
    this.cachedTop = this.proposal = undefined
  }

  /** Events read otherwise (flattening switched, a layout forced) have other field names. */
  private readWith({ flattenEvtx, eventShape }: EngineOptions): void {
    const reading = { flattenEvtx: flattenEvtx !== false, eventShape }
    if (reading.flattenEvtx === this.reading.flattenEvtx && eventShape === this.reading.eventShape)
      return
    this.reading = reading
    this.forgetFields()
  }

  /** Each event's field pairs, flattened once per events text. */
  readonly fieldsOf = (index: number): FieldPairs => {
    let pairs = this.fields[index]
    if (!pairs) this.fields[index] = pairs = eventFields(this.events[index]?.value, this.reading)
    return pairs
  }

  /** The indices in view (undefined: all), cached on the rows and the view's settings. */
  view(rows: Rows, request: TuningRequest | undefined): Uint32Array | undefined {
    if (!request) return undefined
    const key = JSON.stringify([
      request.mode,
      request.identifier,
      request.search,
      request.mode === 'wrong' ? request.expect : null,
      request.hideOutside === true,
    ])
    if (this.cachedView?.rows === rows && this.cachedView.key === key) return this.cachedView.view
    const hits = request.search ? this.search.find(request.search) : undefined
    const view = selectView(rows, request, hits)
    this.cachedView = { key, rows, view }
    return view
  }

  /** Pauses with its progress (see analyzer.steps); the timings leave the pauses out. */
  *run(
    rows: Rows,
    rule: CompiledRule | undefined,
    request: TuningRequest | undefined,
    options: EngineOptions = {},
  ): Generator<Progress, TuningResult | undefined> {
    if (!request || !rule) return undefined
    this.readWith(options)
    const timings = { view: 0, fieldIndex: 0, topValues: 0, whatif: 0, suggest: 0 }
    const start = performance.now()
    const view = this.view(rows, request)
    timings.view = performance.now() - start
    const indices = view ?? this.identity(rows.count)
    let viewMatches = 0
    for (let k = 0; k < indices.length; k++) viewMatches += rows.match[indices[k] as number] ?? 0

    const topValues =
      request.topValues === false ? undefined : yield* this.top(rows, indices, timings)

    const whatKey = JSON.stringify(request.whatif)
    if (this.cachedWhatIf?.rows !== rows || this.cachedWhatIf.key !== whatKey) {
      const steps = whatIfSteps(rows, rule.fromValues, request.whatif)
      const result = yield* timed(timings, 'whatif', reporting('what-if', rows.count, steps))
      this.cachedWhatIf = { key: whatKey, rows, result }
    }
    const cachedWhatIf = this.cachedWhatIf

    const nonce = request.suggest
    if (nonce !== undefined && this.proposal?.nonce !== nonce) {
      const steps = this.propose(nonce, rows, rule, request.expect, options)
      this.proposal = yield* timed(timings, 'suggest', steps)
    }

    return {
      view,
      viewCount: indices.length,
      viewMatches,
      ...(topValues ? { topValues } : {}),
      whatif: cachedWhatIf.result,
      proposal: request.suggest === undefined ? undefined : this.proposal,
      timings,
    }
  }

  /** Top values of the events in view, cached on the rows and the view. */
  private *top(
    rows: Rows,
    indices: Uint32Array,
    timings: Timings,
  ): Generator<Progress, FieldTop[]> {
    const key = this.cachedView?.key ?? ALL
    if (this.cachedTop?.rows === rows && this.cachedTop.key === key) return this.cachedTop.top
    if (!this.index) {
      const events = this.events
      const build = fieldIndexSteps(events.length, (i) => events[i]?.value, this.reading)
      const progress = reporting('top-values', events.length, build)
      this.index = yield* timed(timings, 'fieldIndex', progress)
    }
    const steps = topValueSteps(indices, this.index, rows.match)
    const top = yield* timed(timings, 'topValues', reporting('top-values', indices.length, steps))
    this.cachedTop = { key, rows, top }
    return top
  }

  /** A filter proposal from the marks, with what it removes checked by the engine. */
  private *propose(
    nonce: number,
    rows: Rows,
    rule: CompiledRule,
    expect: Expectations,
    options: EngineOptions,
  ): Generator<Progress, FilterProposal> {
    const draft = yield* reporting(
      'suggest',
      rows.count,
      suggestFilterSteps({
        nonce,
        rows,
        expect,
        fieldsOf: this.fieldsOf,
        logsource: rule.meta.logsource,
      }),
    )
    const check = checkProposalSteps(draft, this.events, rows.match, expect, options)
    return yield* reporting('suggest', rows.count, check)
  }
}

type Timings = TuningResult['timings']

/** Runs `steps`, adding the time spent in it (not in its pauses) to `timings[key]`. */
function* timed<T>(
  timings: Timings,
  key: keyof Timings,
  steps: Generator<Progress, T>,
): Generator<Progress, T> {
  for (;;) {
    const start = performance.now()
    const step = steps.next()
    timings[key] += performance.now() - start
    if (step.done) return step.value
    yield step.value
  }
}
