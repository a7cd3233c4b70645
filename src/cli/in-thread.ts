/**
 * Small runs evaluate on the CLI's own thread. A worker thread takes about 60 ms to start, most
 * of a run over a few events, so a run whose events file and rules are small is tried here
 * first, under a short budget that V8 enforces: a vm timeout interrupts even a RegExp that runs
 * away, which nothing else on this thread can. A run past the budget is dropped, its output
 * held back and never written, and done again in the worker, where the watchdog allows
 * --timeout per event and names the slow part.
 */
import { EventEmitter } from 'node:events'
import { Script } from 'node:vm'
import { evalWorkerHandler } from './eval-worker.ts'
import type { CliIo } from './io.ts'
import type { Output } from './output.ts'
import type { EvalThread, FromWorker, ToWorker } from './worker-protocol.ts'

/** Events files and rule texts up to this size make a small run. */
export const SMALL_RUN_BYTES = 256 << 10
/** What a small run may take here before it moves to the worker. */
export const IN_THREAD_BUDGET_MS = 500

export class OverBudget extends Error {
  constructor() {
    super('the run took longer than a small run may on the main thread')
  }
}

const CALLEE = Symbol.for('sigma-play.in-thread')
// A vm timeout applies to running a script, so the script calls the function left for it.
const callLeftFunction = new Script(`globalThis[Symbol.for('sigma-play.in-thread')]()`)

function runWithin(ms: number, run: () => void): void {
  const global = globalThis as Record<symbol, unknown>
  global[CALLEE] = run
  try {
    callLeftFunction.runInThisContext({ timeout: Math.max(1, ms) })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new OverBudget()
    throw error
  } finally {
    delete global[CALLEE]
  }
}

/** The evaluation worker's handler on this thread: the same messages, the same answers. */
export class InThread extends EventEmitter implements EvalThread {
  private readonly replies: FromWorker[] = []
  private readonly handle = evalWorkerHandler((message) => this.replies.push(message))
  private readonly deadline: number
  private failed = false

  constructor(budgetMs: number) {
    super()
    this.deadline = Date.now() + budgetMs
  }

  postMessage(message: ToWorker): void {
    // Answered later, as a worker answers: the caller is waiting by then.
    setImmediate(() => {
      // A run that failed is redone elsewhere: what it had already sent is dropped.
      if (this.failed) return
      try {
        runWithin(this.deadline - Date.now(), () => this.handle(message))
      } catch (error) {
        this.failed = true
        this.emit('error', error)
        return
      }
      for (const reply of this.replies.splice(0)) this.emit('message', reply)
    })
  }

  terminate(): Promise<number> {
    return Promise.resolve(0)
  }

  unref(): void {}
}

/** Output of a run that may yet be dropped: kept in order, written once the run is done. */
export class HeldOutput implements Output {
  private readonly held: { stream: 'out' | 'err'; text: string }[] = []
  readonly io: CliIo

  constructor(io: CliIo) {
    this.io = { ...io, err: (text) => void this.held.push({ stream: 'err', text }) }
  }

  write(text: string): void {
    this.held.push({ stream: 'out', text })
  }

  async ready(): Promise<void> {}

  async release(io: CliIo, out: Output): Promise<void> {
    for (const { stream, text } of this.held) {
      if (stream === 'err') io.err(text)
      else {
        out.write(text)
        await out.ready()
      }
    }
  }
}
