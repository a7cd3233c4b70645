/// <reference lib="webworker" />
/**
 * The evaluation worker: message routing only. The engine runs here and never on the page's
 * main thread, so a runaway regex freezes this worker, which the client then replaces. Event
 * generation and rule-set runs use workers of this same script (one copy of the engine in the
 * bundle).
 */
import { generateEvents, parseEvents } from '../engine/index.ts'
import { Analyzer } from './analyzer.ts'
import { compileParts, ruleParts, runParts } from './probe.ts'
import { runRuleSetSliced } from './ruleset-sliced.ts'
import type { AnalysisResult, AnalyzeRequest, Phase, ProbeRequest } from './protocol.ts'
import type { WorkerReply, WorkerRequest } from './protocol.ts'

declare const self: DedicatedWorkerGlobalScope

const post = (reply: WorkerReply) => self.postMessage(reply)

let currentSeq = 0
/** The newest request received; an evaluation that sees a newer one at a pause gives up. */
let latestSeq = 0
const analyzer = new Analyzer((phase: Phase) => post({ type: 'phase', seq: currentSeq, phase }))
/** The event ranges last posted: the client keeps them until the events text changes. */
let postedRanges: Uint32Array | undefined
const NO_RANGES = new Uint32Array(0)

function postResult(seq: number, result: AnalysisResult): void {
  const ranges = result.events.ranges
  const events = { ...result.events, ranges: NO_RANGES }
  if (ranges === postedRanges) post({ type: 'result', seq, result: { ...result, events } })
  else {
    postedRanges = ranges
    post({ type: 'result', seq, result: { ...result, events }, ranges })
  }
}

/** How long a run works before it pauses to report progress and let newer requests in. */
const SLICE_MS = 40

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function probe(request: ProbeRequest): void {
  post({ type: 'phase', seq: request.seq, phase: 'parse' })
  const { events } = parseEvents(request.events.text)
  post({ type: 'phase', seq: request.seq, phase: 'compile' })
  const parts = compileParts(request.rule.text, request.rule.options, events)
  // The page's probe clock starts here: only running the parts is timed.
  post({ type: 'phase', seq: request.seq, phase: 'evaluate' })
  runParts(parts, events, (part) => post({ type: 'probe-step', seq: request.seq, part }))
  post({ type: 'probe-done', seq: request.seq })
}

async function analyze(request: AnalyzeRequest): Promise<void> {
  currentSeq = request.seq
  if (request.events) analyzer.setEvents(request.events.text)
  if (request.rule) analyzer.setRule(request.rule.text, request.rule.options)
  const stopped = request.stopped
  if (stopped && analyzer.sameVerdicts(stopped.rule)) {
    const wanted = stopped.part
    const found = wanted
      ? ruleParts(analyzer.ruleText).find(
          (p) => p.identifier === wanted.identifier && p.item === wanted.item,
        )
      : undefined
    const part = found && { identifier: found.identifier, item: found.item, range: found.range }
    post({ type: 'still-slow', seq: request.seq, part })
    return
  }
  const steps = analyzer.steps(request.selected, request.window, request.tuning)
  let sliceStart = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) {
      postResult(request.seq, step.value)
      return
    }
    if (performance.now() - sliceStart < SLICE_MS) continue
    post({ type: 'progress', seq: request.seq, ...step.value })
    await nextTask()
    if (latestSeq !== request.seq) return // superseded: the newer request runs instead
    currentSeq = request.seq
    sliceStart = performance.now()
  }
}

function fail(seq: number, error: unknown): void {
  // The engine promises not to throw; if it does anyway, the page says so instead of hanging.
  const text = error instanceof Error ? error.message : String(error)
  post({ type: 'failure', seq, message: text })
}

self.onmessage = (message: MessageEvent<WorkerRequest>) => {
  const request = message.data
  if (request.type === 'ping') {
    post({ type: 'ready', seq: 0 })
    return
  }
  if (request.type === 'generate') {
    post({ type: 'generated', seq: 0, result: generateEvents(request.rule, request.options) })
    return
  }
  if (request.type === 'ruleset') {
    runRuleSetSliced(request.request, (reply) => post({ type: 'ruleset', seq: 0, reply }))
    return
  }
  latestSeq = request.seq
  try {
    if (request.type === 'probe') probe(request)
    else analyze(request).catch((error: unknown) => fail(request.seq, error))
  } catch (error) {
    fail(request.seq, error)
  }
}

post({ type: 'ready', seq: 0 })
