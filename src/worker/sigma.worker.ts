/// <reference lib="webworker" />
/**
 * The evaluation worker: message routing only. The engine runs here and never on the page's
 * main thread, so a runaway regex freezes this worker, which the client then replaces.
 */
import { parseEvents } from '../engine/index.ts'
import { Analyzer } from './analyzer.ts'
import { runProbe } from './probe.ts'
import type { Phase, WorkerReply, WorkerRequest } from './protocol.ts'

declare const self: DedicatedWorkerGlobalScope

const post = (reply: WorkerReply) => self.postMessage(reply)

let currentSeq = 0
const analyzer = new Analyzer((phase: Phase) => post({ type: 'phase', seq: currentSeq, phase }))

function handle(request: WorkerRequest): void {
  currentSeq = request.seq
  if (request.type === 'probe') {
    post({ type: 'phase', seq: request.seq, phase: 'parse' })
    const { events } = parseEvents(request.events.text)
    post({ type: 'phase', seq: request.seq, phase: 'evaluate' })
    runProbe(request.rule.text, request.rule.options, events, (part) =>
      post({ type: 'probe-step', seq: request.seq, part }),
    )
    post({ type: 'probe-done', seq: request.seq })
    return
  }
  if (request.events) analyzer.setEvents(request.events.text)
  if (request.rule) analyzer.setRule(request.rule.text, request.rule.options)
  post({
    type: 'result',
    seq: request.seq,
    result: analyzer.analyze(request.selected, request.window),
  })
}

self.onmessage = (message: MessageEvent<WorkerRequest>) => {
  try {
    handle(message.data)
  } catch (error) {
    // The engine promises not to throw; if it does anyway, the page says so instead of hanging.
    const text = error instanceof Error ? error.message : String(error)
    post({ type: 'failure', seq: message.data.seq, message: text })
  }
}

post({ type: 'ready', seq: 0 })
