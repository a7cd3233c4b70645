/**
 * Messages between the CLI's main thread (input, output, watchdog) and its evaluation worker.
 * Evaluation runs in a worker so that a regex that runs away can be stopped: the main thread
 * can terminate the worker at any time. Small runs answer the same messages on the main thread
 * (in-thread.ts), under a budget that a vm timeout enforces.
 */
import type { EngineOptions } from '../engine/index.ts'
import type { EvalArgs } from './args.ts'
import type { BatchInput, BatchOutput } from './batch-eval.ts'

export interface RuleFile {
  path: string
  text: string
}

export interface InitMessage {
  type: 'init'
  rules: RuleFile[]
  many: boolean
  output: EvalArgs['output']
  engine: EngineOptions
  eventsName: string
  /** Where the worker is (see Watch): written before each event and rule. */
  watch: SharedArrayBuffer
}

export interface ProbeMessage {
  type: 'probe'
  rule: RuleFile
  engine: EngineOptions
  event: unknown
}

export type ToWorker =
  InitMessage | ProbeMessage | ({ type: 'batch' } & BatchInput) | { type: 'finish' }

export type FromWorker =
  /** Rules compiled: `stderr` lines for rules with errors; `fatal` when nothing can run. */
  | { type: 'ready'; stderr: string[]; fatal: boolean }
  | ({ type: 'batch' } & BatchOutput)
  /** Input ended: the count line (for --count), engine failures, and what ran. */
  | ({ type: 'summary' } & Summary)
  | { type: 'step'; identifier: string; item: string; range: readonly [number, number] }
  | { type: 'probe-done' }

export interface Summary {
  out: string
  internalErrors: number
  /** Events evaluated and rules that ran (for --stats). */
  events: number
  rules: number
}

/** Int32 slots of the shared watch buffer. */
export const Watch = {
  /** Bumped before every event, every rule of a rule set and every rule compiled. */
  beat: 0,
  event: 1,
  batch: 2,
  start: 3,
  end: 4,
  /** Rule index within the rule files, or -1 while no rule runs. */
  rule: 5,
  /** 1 while the worker parses events text: linear work that cannot run away, never a stall. */
  parsing: 6,
  /** 1 when start and end count the batch's bytes (NDJSON), 0 when they count its text. */
  inBytes: 7,
  size: 8,
} as const

/** What a run needs of the thread that evaluates: a Worker, or the CLI's own (InThread). */
export interface EvalThread {
  postMessage(message: ToWorker): void
  on(event: 'message', listener: (message: FromWorker) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  terminate(): Promise<unknown>
  unref(): void
}
