/**
 * The worker's side of the tuning loop: the view (mode and search), top values for the events
 * in view, what-if verdicts and filter proposals. Each part is cached on what it depends on,
 * so scrolling or selecting an event redoes none of them.
 */
import type { CompiledRule, EngineOptions, EventRecord } from '../engine/index.ts'
import { checkProposal } from '../engine/index.ts'
import { eventFields, type FieldPairs } from '../engine/index.ts'
import { suggestFilter } from '../engine/index.ts'
import { topValues } from '../engine/index.ts'
import type { FieldTop, FilterProposal, TuningRequest, TuningResult } from '../engine/index.ts'
import { EventSearch, selectView } from '../engine/index.ts'
import { whatIf } from '../engine/index.ts'
import type { Rows } from './rows.ts'

const ALL = 'all'

export class Tuner {
  private events: readonly EventRecord[] = []
  private search = new EventSearch('', new Uint32Array(0))
  private fields: (FieldPairs | undefined)[] = []
  private cachedView?: { key: string; rows: Rows; view?: Uint32Array }
  private cachedTop?: { key: string; rows: Rows; top: FieldTop[] }
  private cachedWhatIf?: { key: string; rows: Rows; result: TuningResult['whatif'] }
  private proposal?: FilterProposal
  private all = new Uint32Array(0)

  /** 0, 1, 2, …: every event in view. */
  private identity(count: number): Uint32Array {
    if (this.all.length !== count) this.all = Uint32Array.from({ length: count }, (_, i) => i)
    return this.all
  }

  setEvents(text: string, events: readonly EventRecord[], ranges: Uint32Array): void {
    this.events = events
    this.search = new EventSearch(text, ranges)
    this.fields = new Array<FieldPairs | undefined>(events.length)
    this.cachedView = this.cachedTop = this.cachedWhatIf = this.proposal = undefined
  }

  /** Each event's field pairs, flattened once per events text. */
  readonly fieldsOf = (index: number): FieldPairs => {
    let pairs = this.fields[index]
    if (!pairs) this.fields[index] = pairs = eventFields(this.events[index]?.value)
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
    ])
    if (this.cachedView?.rows === rows && this.cachedView.key === key) return this.cachedView.view
    const hits = request.search ? this.search.find(request.search) : undefined
    const view = selectView(rows, request, hits)
    this.cachedView = { key, rows, view }
    return view
  }

  run(
    rows: Rows,
    rule: CompiledRule | undefined,
    request: TuningRequest | undefined,
    options: EngineOptions = {},
  ): TuningResult | undefined {
    if (!request || !rule) return undefined
    const timings = { view: 0, topValues: 0, whatif: 0, suggest: 0 }
    let start = performance.now()
    const view = this.view(rows, request)
    timings.view = performance.now() - start
    const indices = view ?? this.identity(rows.count)
    let viewMatches = 0
    for (let k = 0; k < indices.length; k++) viewMatches += rows.match[indices[k] as number] ?? 0

    start = performance.now()
    const topKey = this.cachedView?.key ?? ALL
    if (this.cachedTop?.rows !== rows || this.cachedTop.key !== topKey) {
      this.cachedTop = { key: topKey, rows, top: topValues(indices, this.fieldsOf, rows.match) }
    }
    timings.topValues = performance.now() - start

    start = performance.now()
    const whatKey = JSON.stringify(request.whatif)
    if (this.cachedWhatIf?.rows !== rows || this.cachedWhatIf.key !== whatKey) {
      const result = whatIf(rows, rule.fromValues, request.whatif)
      this.cachedWhatIf = { key: whatKey, rows, result }
    }
    timings.whatif = performance.now() - start

    start = performance.now()
    if (request.suggest !== undefined && this.proposal?.nonce !== request.suggest) {
      const draft = suggestFilter({
        nonce: request.suggest,
        rows,
        expect: request.expect,
        fieldsOf: this.fieldsOf,
        logsource: rule.meta.logsource,
      })
      this.proposal = checkProposal(draft, this.events, rows.match, request.expect, options)
    }
    timings.suggest = performance.now() - start

    return {
      view,
      viewCount: indices.length,
      viewMatches,
      topValues: this.cachedTop.top,
      whatif: this.cachedWhatIf.result,
      proposal: request.suggest === undefined ? undefined : this.proposal,
      timings,
    }
  }
}
