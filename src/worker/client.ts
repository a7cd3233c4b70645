/**
 * The page's side of the worker. Latest wins: while one run is in flight, newer inputs replace
 * each other and only the last is sent when the run ends. The run's answer is still shown: it is
 * newer than what is on screen, and on a slow machine, where every run outlasts the gap between
 * two keys, dropping it would keep the verdicts from before the typing until it stops. A long run
 * pauses now and then, and a newer request may supersede it there (see maySupersede); replies to
 * a superseded run are dropped.
 * A run past its budget gets its worker terminated and replaced, and a probe worker then finds
 * which rule part was slow (see probe.ts). Budgets are kept by watchdogs that forgive the page's
 * own stalls (see watchdog.ts).
 */
import type { EngineOptions } from '../engine/index.ts'
import type {
  AnalysisResult,
  AnalyzeRequest,
  Phase,
  RulePart,
  Task,
  WorkerReply,
  WorkerRequest,
} from './protocol.ts'
import type { TuningRequest } from '../engine/index.ts'
import { budgetOver, Watchdog } from './watchdog.ts'

export interface AnalysisInput {
  rule: string
  events: string
  selected: number
  options: EngineOptions
  /** Rows on screen, `[first, last)`, which get explained summaries. */
  window?: [number, number]
  tuning?: TuningRequest
}

export type AnalysisOutcome =
  | { type: 'result'; result: AnalysisResult; input: AnalysisInput; elapsedMs: number }
  /** During a long run, `done` of `total` items of `task` (see protocol's Progress). */
  | { type: 'progress'; phase: Phase; task?: Task; done?: number; total?: number }
  /**
   * The run was stopped; `slowPart` follows once the probe has found it. `repeated`: not run at
   * all, because its detection is the one stopped before on the same events.
   */
  | { type: 'timeout'; phase: Phase; budgetMs: number; input: AnalysisInput; repeated?: boolean }
  /** `part` is undefined when no single part was slow on its own. */
  | { type: 'slow-part'; part?: RulePart; input: AnalysisInput }
  | { type: 'failure'; message: string }

export interface WorkerLike {
  postMessage(message: WorkerRequest): void
  terminate(): void
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

export interface ClientOptions {
  /** Compile, evaluate and explain together. */
  budgetMs?: number
  /** Parsing large events legitimately takes a while; it gets its own, longer budget. */
  parseBudgetMs?: number
}

const PROGRESS_AFTER_MS = 250
/**
 * Progress reaches the page at most this often: each report re-renders the page, and on a
 * large file heartbeats come every 40 ms for many seconds (the watchdog still sees them all).
 */
const PROGRESS_EVERY_MS = 250

interface InFlight {
  seq: number
  input: AnalysisInput
  sentAt: number
  phase: Phase
  /** The run pauses now and then, so a newer request can be sent at once and supersede it. */
  yielding: boolean
  /** When progress was last reported to the page. */
  reportedAt: number
  /** When the first request newer than this run arrived. */
  newerSince?: number
}

export class SigmaClient {
  private worker: WorkerLike
  /** False until the current worker has loaded; requests wait (their budget not yet running). */
  private ready = false
  private probe?: { worker: WorkerLike; watchdog: Watchdog }
  /** The current run's budget. */
  private readonly watchdog = new Watchdog(() => this.onTimeout())
  private seq = 0
  private inFlight?: InFlight
  private pending?: AnalysisInput
  /**
   * The last run stopped for time, and the part the probe found slow on its own. Only a named
   * part is evidence enough to skip a rerun: a run stopped on a busy machine is run again.
   */
  private stopped?: { input: AnalysisInput; part?: RulePart }
  /** The newest input asked for, and the last one run a second time (see startProbe). */
  private latest?: AnalysisInput
  private retried?: AnalysisInput
  /** The events of the last result shown, and how long its run took. */
  private shown?: { events: string; runMs: number }
  /** When the oldest request the shown result does not answer arrived. */
  private behindSince?: number
  /** What the current worker already holds, so unchanged texts are not sent again. */
  private held: { rule?: string; options?: string; events?: string } = {}
  /** The current worker's event ranges, posted once per events text (see protocol). */
  private ranges: Uint32Array = new Uint32Array(0)
  private readonly budgetMs: number
  private readonly parseBudgetMs: number

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly listener: (outcome: AnalysisOutcome) => void,
    options: ClientOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 1000
    this.parseBudgetMs = options.parseBudgetMs ?? 30_000
    this.worker = this.spawn()
  }

  request(input: AnalysisInput): void {
    const now = performance.now()
    this.latest = input
    this.behindSince ??= now
    const run = this.inFlight
    if (run) run.newerSince ??= now
    if (this.ready && run?.yielding && this.maySupersede(run, input)) this.send(input)
    else if (run || !this.ready) this.pending = input
    else this.send(input)
  }

  /**
   * Whether `newer` may take the worker from a long run at its next pause. Over other events the
   * cost is unknown and the newer input goes first. Over the same events runs cost about the
   * same, and superseding each by the next key would show nothing until the typing stops: once
   * the page has been behind for as long as a run takes, the run is let finish.
   */
  private maySupersede(run: InFlight, newer: AnalysisInput): boolean {
    const shown = this.shown
    const events = run.input.events
    if (!shown || shown.events !== events || newer.events !== events) return true
    const now = performance.now()
    return now - (this.behindSince ?? now) < shown.runMs
  }

  dispose(): void {
    this.watchdog.stop()
    this.stopProbe()
    this.worker.terminate()
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker()
    this.ready = false
    worker.onmessage = (event) => {
      if (event.data.type === 'ready') {
        this.ready = true
        this.next()
      } else this.onReply(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault?.()
      if (!this.ready) {
        // It never loaded: restarting would only fail again, in a loop.
        this.listener({
          type: 'failure',
          message: `The evaluation worker could not start: ${event.message || 'unknown error'}`,
        })
        return
      }
      this.listener({
        type: 'failure',
        message: `The evaluation worker failed: ${event.message || 'unknown error'}`,
      })
      this.restart()
      this.next()
    }
    this.held = {}
    this.ranges = new Uint32Array(0)
    // A worker started before this client listened may have said `ready` to no one.
    worker.postMessage({ type: 'ping', seq: 0 })
    return worker
  }

  private send(input: AnalysisInput): void {
    const seq = ++this.seq
    const window = input.window ?? [0, 50]
    const request: AnalyzeRequest = { type: 'analyze', seq, selected: input.selected, window }
    if (input.tuning) request.tuning = input.tuning
    const options = JSON.stringify(input.options)
    if (input.rule !== this.held.rule || options !== this.held.options) {
      request.rule = { text: input.rule, options: input.options }
      this.held.rule = input.rule
      this.held.options = options
    }
    const stopped = this.stopped
    const slow = stopped?.part
    if (
      slow &&
      stopped.input.events === input.events &&
      JSON.stringify(stopped.input.options) === options
    ) {
      request.stopped = {
        rule: stopped.input.rule,
        part: { identifier: slow.identifier, item: slow.item },
      }
    }
    if (input.events !== this.held.events) {
      request.events = { text: input.events }
      this.held.events = input.events
    }
    this.pending = undefined
    this.watchdog.arm(this.budgetFor('compile', input))
    const sentAt = performance.now()
    this.inFlight = { seq, input, sentAt, phase: 'compile', yielding: false, reportedAt: sentAt }
    this.worker.postMessage(request)
  }

  private budgetFor(phase: Phase, input: AnalysisInput): number {
    return phase === 'parse' ? this.parseBudgetMs : budgetOver(this.budgetMs, input.events.length)
  }

  private onReply(reply: WorkerReply): void {
    // Kept from any result, even one dropped below: the worker posts them only once.
    if (reply.type === 'result' && reply.ranges) this.ranges = reply.ranges
    const run = this.inFlight
    // A heartbeat: the budget bounds each stretch of work, not a long run that moves. One from
    // a run a newer request superseded still proves the worker alive (it is finishing a slice).
    if (run && reply.type === 'progress') this.watchdog.arm(this.budgetFor(run.phase, run.input))
    if (!run || reply.seq !== run.seq) return // stale: a newer request superseded it
    if (reply.type === 'progress') {
      run.yielding = true
      // Only runs long enough to be noticed report it; short ones would make the status flicker.
      const now = performance.now()
      if (now - run.sentAt > PROGRESS_AFTER_MS && now - run.reportedAt >= PROGRESS_EVERY_MS) {
        run.reportedAt = now
        const { task, done, total } = reply
        this.listener({ type: 'progress', phase: 'evaluate', task, done, total })
      }
      if (this.pending && this.maySupersede(run, this.pending)) this.send(this.pending)
      return
    }
    if (reply.type === 'phase') {
      const leavingParse = run.phase === 'parse' && reply.phase !== 'parse'
      run.phase = reply.phase
      if (reply.phase === 'parse' || leavingParse) {
        this.watchdog.arm(this.budgetFor(reply.phase, run.input))
        this.listener({ type: 'progress', phase: reply.phase })
      }
      return
    }
    this.watchdog.stop()
    this.inFlight = undefined
    if (reply.type === 'still-slow' && !this.pending) this.stillSlow(run.input, reply.part)
    if (reply.type === 'result') {
      const elapsedMs = performance.now() - run.sentAt
      this.shown = { events: run.input.events, runMs: elapsedMs }
      this.behindSince = run.newerSince
      const result = { ...reply.result, events: { ...reply.result.events, ranges: this.ranges } }
      this.listener({ type: 'result', result, input: run.input, elapsedMs })
    } else if (reply.type === 'failure') {
      this.listener({ type: 'failure', message: reply.message })
    }
    this.next()
  }

  /** The worker did not run `input`: its detection is the one stopped on these events. */
  private stillSlow(input: AnalysisInput, part: RulePart | undefined): void {
    const phase = 'evaluate'
    const budgetMs = this.budgetFor(phase, input)
    this.listener({ type: 'timeout', phase, budgetMs, input, repeated: true })
    this.listener({ type: 'slow-part', part, input })
  }

  private next(): void {
    if (!this.ready || this.inFlight) return
    const input = this.pending
    this.pending = undefined
    if (input) this.send(input)
  }

  private restart(): void {
    this.watchdog.stop()
    this.inFlight = undefined
    this.worker.onmessage = null
    this.worker.onerror = null
    this.worker.terminate()
    this.worker = this.spawn()
  }

  private onTimeout(): void {
    const run = this.inFlight
    if (!run) return
    this.restart()
    const budgetMs = this.budgetFor(run.phase, run.input)
    this.listener({ type: 'timeout', phase: run.phase, budgetMs, input: run.input })
    if (run.phase !== 'parse') {
      this.stopped = { input: run.input }
      this.startProbe(run.input)
    }
    this.next()
  }

  private startProbe(input: AnalysisInput): void {
    this.stopProbe()
    const worker = this.createWorker()
    const seq = ++this.seq
    let last: RulePart | undefined
    const finish = (part: RulePart | undefined) => {
      this.stopProbe()
      this.listener({ type: 'slow-part', part, input })
      if (this.stopped?.input === input) this.stopped.part = part
      // No part is slow on its own: the stop may have been the machine's (a cold worker on a
      // loaded machine, at start-up). The input, if still the newest, gets one more run.
      if (!part && input === this.latest && input !== this.retried) {
        this.retried = input
        this.request(input)
      }
    }
    // Each part alone gets half the budget: a part using that much on its own is the one to
    // blame, and the user hears about it within about 1.5 budgets of the stop.
    const partBudget = this.budgetFor('evaluate', input) / 2
    const watchdog = new Watchdog(() => finish(last))
    worker.onerror = () => finish(undefined)
    worker.onmessage = (event) => {
      const reply = event.data
      if (reply.seq !== seq) return
      // The clock starts once the parts are compiled and the events parsed (probe.ts).
      if (reply.type === 'phase' && reply.phase === 'evaluate') watchdog.arm(partBudget)
      else if (reply.type === 'probe-step') {
        last = reply.part
        watchdog.arm(partBudget)
      } else if (reply.type === 'probe-done' || reply.type === 'failure') {
        finish(undefined)
      }
    }
    this.probe = { worker, watchdog }
    worker.postMessage({
      type: 'probe',
      seq,
      rule: { text: input.rule, options: input.options },
      events: { text: input.events },
    })
  }

  private stopProbe(): void {
    if (!this.probe) return
    this.probe.watchdog.stop()
    this.probe.worker.onmessage = null
    this.probe.worker.terminate()
    this.probe = undefined
  }
}
