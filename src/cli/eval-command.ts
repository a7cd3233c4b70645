/**
 * `sigma-play eval`: rules against a stream of events, one JSON line per event (or per hit with
 * `--rules`). The main thread reads the input in batches (event-batches.ts), the worker
 * evaluates them (eval-worker.ts), and output is written in order at the reader's pace. At most
 * a few batches are in flight, so memory stays flat whatever the input size; a watchdog stops
 * an event that takes longer than --timeout and names the slow rule part. A small run is tried
 * on this thread first (in-thread.ts): starting a worker would be most of its time.
 * Output lines are part of the CLI contract, so their keys and order never change.
 */
import type { Readable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import type { EvalArgs } from './args.ts'
import { BatchSplitter, decodeBatch, InputTooLarge, type Batch } from './event-batches.ts'
import { MAX_ERROR_MESSAGES } from './batch-eval.ts'
import { findRuleFiles } from './find-rules.ts'
import { readPipelines } from './pipelines.ts'
import { describeIoError, type CliIo } from './io.ts'
import {
  HeldOutput,
  IN_THREAD_BUDGET_MS,
  InThread,
  OverBudget,
  SMALL_RUN_BYTES,
} from './in-thread.ts'
import { PacedOutput, type Output } from './output.ts'
import { nameSlowPart } from './slow-part.ts'
import { WORKER_ENTRY } from './worker-entry.ts'
import {
  Watch,
  type EvalThread,
  type FromWorker,
  type RuleFile,
  type ToWorker,
} from './worker-protocol.ts'
import { runDocuments } from './documents-eval.ts'
import { eventsInput, type EventsInput } from './events-input.ts'
import { statsLine } from './stats.ts'
import { plural } from './words.ts'

/** Batches handed to the worker and not yet answered: enough to keep both threads busy. */
const IN_FLIGHT = 3
const WATCH_EVERY_MS = 100

function readRules(args: EvalArgs, io: CliIo): RuleFile[] | undefined {
  const { files, missing } = args.many
    ? findRuleFiles(args.rules, io)
    : { files: args.rules, missing: [] }
  for (const path of missing) io.err(`sigma-play: ${path}: no such file or directory\n`)
  if (missing.length > 0) return undefined
  const rules: RuleFile[] = []
  for (const path of files) {
    try {
      // `--filter` files are joined to the one rule as further documents.
      const filters = args.filters.map((f) => '---\n' + io.readFile(f))
      rules.push({ path, text: [io.readFile(path), ...filters].join('\n') })
    } catch (error) {
      io.err(`sigma-play: cannot read rule ${path}: ${describeIoError(error)}\n`)
      // One unreadable rule among many is skipped like a rule with errors.
      if (!args.many) return undefined
    }
  }
  if (args.many && rules.length === 0) {
    io.err(`sigma-play: no rules found in ${args.rules.join(' ')}\n`)
    return undefined
  }
  return rules
}

/** A thread, and a promise that fails with the first error it raises, however early. */
interface Watched {
  thread: EvalThread
  crashed: Promise<never>
}

function watched(thread: EvalThread): Watched {
  const crashed = new Promise<never>((_, reject) => thread.on('error', reject))
  // Raced at every wait of the run; a thread that fails while nothing waits is not unhandled.
  crashed.catch(() => {})
  return { thread, crashed }
}

class EvalRun {
  private readonly thread: EvalThread
  private readonly crashed: Promise<never>
  private readonly watch = new Int32Array(new SharedArrayBuffer(Watch.size * 4))
  private readonly inFlight = new Map<number, Batch>()
  private wake: (() => void) | undefined
  private seq = 0
  private malformed = 0
  private lastBeat = -1
  private lastChange = Date.now()
  private timedOut = false
  private readonly replies: ((message: FromWorker) => void)[] = []

  constructor(
    private readonly args: EvalArgs,
    private readonly io: CliIo,
    private readonly rules: RuleFile[],
    private readonly input: EventsInput,
    { thread, crashed }: Watched,
    private readonly out: Output,
  ) {
    this.thread = thread
    this.crashed = crashed
    this.thread.on('message', (message: FromWorker) => this.receive(message))
  }

  private receive(message: FromWorker): void {
    if (message.type === 'batch') {
      this.inFlight.delete(message.seq)
      this.out.write(message.out)
      for (const line of message.errors) this.io.err(line + '\n')
      this.malformed += message.malformed
      this.wake?.()
    } else this.replies.shift()?.(message)
  }

  private send(message: ToWorker): void {
    this.thread.postMessage(message)
  }

  /** The next answer, the watchdog's verdict, or the thread's failure, whichever comes first. */
  private next<T>(answer: Promise<T>, stall: Promise<'timeout'>): Promise<T | 'timeout'> {
    return Promise.race([answer, stall, this.crashed])
  }

  private reply(): Promise<FromWorker> {
    return new Promise((resolve) => this.replies.push(resolve))
  }

  /** Waits until the worker has room and stdout has drained. */
  private async slot(limit: number): Promise<void> {
    for (;;) {
      await this.out.ready()
      if (this.inFlight.size < limit || this.timedOut) return
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  /** The watchdog: the worker's heartbeat must move while it has work. */
  private check(busy: boolean): boolean {
    const beat = Atomics.load(this.watch, Watch.beat)
    const now = Date.now()
    const parsing = Atomics.load(this.watch, Watch.parsing) === 1
    if (beat !== this.lastBeat || !busy || parsing) {
      this.lastBeat = beat
      this.lastChange = now
      return false
    }
    return now - this.lastChange > this.args.timeoutMs
  }

  async run(): Promise<number> {
    let busy = true
    let stalled: () => void = () => {}
    const stall = new Promise<'timeout'>((resolve) => (stalled = () => resolve('timeout')))
    const timer = setInterval(() => {
      if (this.check(busy || this.inFlight.size > 0)) {
        this.timedOut = true
        stalled()
        this.wake?.()
      }
    }, WATCH_EVERY_MS)
    try {
      this.send({
        type: 'init',
        rules: this.rules,
        many: this.args.many,
        output: this.args.output,
        engine: this.args.engine,
        eventsName: this.input.name,
        watch: this.watch.buffer,
      })
      const ready = await this.next(this.reply(), stall)
      if (ready === 'timeout') return await this.timeout()
      if (ready.type !== 'ready') return 3
      for (const line of ready.stderr) this.io.err(line + '\n')
      if (ready.fatal) return 2
      const compiled = performance.now()
      busy = false
      const input = this.input.open()
      const status = await this.next(this.stream(input), stall).catch((error: unknown) => {
        input.destroy()
        throw error
      })
      if (status === 'timeout' || this.timedOut) {
        input.destroy()
        return await this.timeout()
      }
      if (status !== 0) return status
      busy = true
      this.send({ type: 'finish' })
      const summary = await this.next(this.reply(), stall)
      if (summary === 'timeout') return await this.timeout()
      if (summary.type !== 'summary') return 3
      this.out.write(summary.out)
      await this.out.ready()
      if (this.args.stats) this.io.err(statsLine(summary, compiled, performance.now()))
      return this.finalStatus(summary.internalErrors)
    } finally {
      clearInterval(timer)
      if (!this.timedOut) this.thread.unref()
    }
  }

  private finalStatus(internalErrors: number): number {
    if (internalErrors > 0)
      this.io.err(
        `sigma-play: error INTERNAL the engine failed on ${plural(internalErrors, 'rule evaluation')}; those verdicts are unknown\n`,
      )
    if (this.malformed > MAX_ERROR_MESSAGES)
      this.io.err(
        `sigma-play: ${this.malformed} malformed events in ${this.input.name} in all; only the first ${MAX_ERROR_MESSAGES} are shown\n`,
      )
    return this.malformed > 0 || internalErrors > 0 ? 2 : 0
  }

  /** Reads, cuts and hands over the input; resolves once every batch is answered. */
  private async stream(input: Readable): Promise<number> {
    const splitter = new BatchSplitter()
    const hand = async (batches: Batch[], lines: boolean) => {
      for (const batch of batches) {
        await this.slot(IN_FLIGHT)
        if (this.timedOut) return
        const seq = this.seq++
        this.inFlight.set(seq, batch)
        this.send({ type: 'batch', seq, ...batch, lines })
      }
    }
    try {
      for await (const chunk of input) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
        await hand(splitter.push(bytes), splitter.lines)
        if (this.timedOut) return 0
      }
      await hand(splitter.end(), splitter.lines)
    } catch (error) {
      if (error instanceof InputTooLarge) {
        await this.slot(1)
        this.io.err(`${this.input.name}:${error.line}: error ${error.message}; stopped\n`)
      } else {
        this.io.err(
          `sigma-play: cannot read events ${this.input.name}: ${describeIoError(error)}\n`,
        )
      }
      input.destroy()
      return 2
    }
    await this.slot(1)
    return 0
  }

  private async timeout(): Promise<number> {
    this.timedOut = true
    const w = this.watch
    const ruleIndex = Atomics.load(w, Watch.rule)
    const event = Atomics.load(w, Watch.event)
    const batch = this.inFlight.get(Atomics.load(w, Watch.batch))
    await this.thread.terminate()
    const rule = this.rules[ruleIndex]
    const seconds = this.args.timeoutMs / 1000
    const [start, end] = [Atomics.load(w, Watch.start), Atomics.load(w, Watch.end)]
    const eventText = !batch
      ? undefined
      : Atomics.load(w, Watch.inBytes) === 1
        ? decodeBatch(batch.bytes.subarray(start, end))
        : decodeBatch(batch.bytes).slice(start, end)
    const where = rule
      ? await nameSlowPart(rule, this.args.engine, eventText, this.args.timeoutMs)
      : ''
    this.io.err(
      `sigma-play: error TIMEOUT event ${event} took over ${seconds} s` +
        (rule ? ` in ${where}` : ' while compiling the rules') +
        '; stopped (--timeout SECONDS allows more)\n',
    )
    return 2
  }
}

export async function runEval(args: EvalArgs, io: CliIo): Promise<number> {
  const input = eventsInput(args.events)
  const small = input.isSmall(SMALL_RUN_BYTES)
  // A run that is not small needs the worker: it loads while this thread reads the rules.
  const early = small.then((isSmall) => (isSmall ? undefined : watched(new Worker(WORKER_ENTRY))))
  // A file's size is known at once: one turn of the microtasks starts its worker before the
  // rules are read (synchronously). Stdin's read-ahead answers later, meanwhile.
  await Promise.resolve()
  const streamed = await prepareStream(args, io, input)
  if (typeof streamed === 'number') {
    ;(await early)?.thread.unref()
    return streamed
  }
  const run = (thread: Watched, runIo: CliIo, out: Output) =>
    new EvalRun(streamed.args, runIo, streamed.rules, input, thread, out).run()
  const stdout = new PacedOutput(process.stdout)
  const ruleChars = streamed.rules.reduce((sum, rule) => sum + rule.text.length, 0)
  // Characters, not bytes: the limit sizes the work a run may do on this thread, nothing more.
  if ((await small) && ruleChars <= SMALL_RUN_BYTES) {
    const held = new HeldOutput(io)
    const budget = Math.min(IN_THREAD_BUDGET_MS, streamed.args.timeoutMs)
    const status = await run(watched(new InThread(budget)), held.io, held).catch(
      (error: unknown) => {
        if (error instanceof OverBudget) return undefined
        throw error
      },
    )
    if (status !== undefined) {
      await held.release(io, stdout)
      return status
    }
  }
  return run((await early) ?? watched(new Worker(WORKER_ENTRY)), io, stdout)
}

/** The rules and options for the streaming run, or the exit status when there is none. */
async function prepareStream(
  args: EvalArgs,
  io: CliIo,
  input: EventsInput,
): Promise<number | { args: EvalArgs; rules: RuleFile[] }> {
  if (!args.many) {
    const documents = await runDocuments(args, io, input)
    if (documents !== 'stream') return documents
  }
  const rules = readRules(args, io)
  if (!rules) return 2
  const pipelines = readPipelines(args.pipelines, io)
  if (!pipelines) return 2
  if (pipelines.length > 0) args = { ...args, engine: { ...args.engine, pipelines } }
  return { args, rules }
}
