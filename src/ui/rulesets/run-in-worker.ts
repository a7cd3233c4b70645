/**
 * One rule-set run in its own worker, with the page's kind of time budget: the worker proves it
 * is alive with progress messages, and silence past the budget means it is stuck. A stuck run is
 * not the end: the worker is replaced by one that announces each rule from the last event it
 * reported, so the next stall names the slow rule; that rule is listed as an error and the run
 * starts again without it. Cancel terminates the worker, which stops the work at once.
 */
import { budgetOver, Watchdog } from '../../worker/watchdog.ts'
import type { WorkerLike } from '../../worker/client.ts'
import type {
  RuleProblem,
  RuleSetProgress,
  RuleSetRequest,
  RuleSetResult,
} from '../../worker/ruleset-protocol.ts'

/** A worker of the evaluation worker's script (one copy of the engine in the bundle). */
export type RuleSetWorker = WorkerLike

export type RunUpdate =
  | { type: 'progress'; progress: RuleSetProgress }
  /** A rule stalled the run: it is being found, or was found and the run starts again. */
  | { type: 'restart'; message: string }
  | { type: 'done'; result: RuleSetResult }
  | { type: 'failed'; message: string }

export interface RunBudgets {
  /** Silence allowed while compiling and evaluating (as the page's analysis). */
  budgetMs: number
  /** Parsing large events is one long step; it gets longer (as the page's analysis). */
  parseBudgetMs: number
  /** Loading the worker's modules. */
  startMs: number
}

export const RUN_BUDGETS: RunBudgets = { budgetMs: 1000, parseBudgetMs: 30_000, startMs: 30_000 }

/** Events traced after a stall: the stall happened within a slice of the last report. */
const TRACED_EVENTS = 2000
/** Past this many slow rules the run gives up: something else is wrong. */
const MAX_SLOW_RULES = 5

const createDefaultWorker = (): RuleSetWorker =>
  new Worker(new URL('../../worker/sigma.worker.ts', import.meta.url), { type: 'module' })

export function runRuleSetInWorker(
  request: RuleSetRequest,
  onUpdate: (update: RunUpdate) => void,
  createWorker: () => RuleSetWorker = createDefaultWorker,
  budgets: RunBudgets = RUN_BUDGETS,
): { cancel(): void } {
  const slow: RuleProblem[] = []
  const budgetMs = budgetOver(budgets.budgetMs, request.events.length)
  let worker: RuleSetWorker | undefined
  let last: RuleSetProgress | undefined
  let at: { file: number; event: number } | undefined
  let traced = false
  let over = false

  const finish = (update: RunUpdate) => {
    watchdog.stop()
    worker?.terminate()
    over = true
    onUpdate(update)
  }

  const attempt = (trace?: RuleSetRequest['trace']) => {
    worker?.terminate()
    ;[last, at, traced] = [undefined, undefined, trace !== undefined]
    const current = createWorker()
    worker = current
    watchdog.arm(budgets.startMs)
    current.onmessage = ({ data: message }) => {
      if (over || current !== worker) return
      if (message.type === 'ready') {
        const run = { ...request, skip: slow.map((s) => s.file), trace }
        current.postMessage({ type: 'ruleset', seq: 0, request: run })
        watchdog.arm(budgets.parseBudgetMs)
        return
      }
      if (message.type !== 'ruleset') return
      const reply = message.reply
      switch (reply.type) {
        case 'progress':
          last = reply
          watchdog.arm(reply.phase === 'parse' ? budgets.parseBudgetMs : budgetMs)
          onUpdate({ type: 'progress', progress: reply })
          return
        case 'at':
          at = reply
          return
        case 'result': {
          const errors = [...reply.result.errors, ...slow].sort((a, b) => a.file - b.file)
          finish({ type: 'done', result: { ...reply.result, errors } })
          return
        }
        case 'failure':
          finish({ type: 'failed', message: `The rule-set run failed: ${reply.message}` })
      }
    }
    current.onerror = (event) => {
      event.preventDefault?.()
      if (!over && current === worker)
        finish({ type: 'failed', message: 'The rule-set worker stopped with an error.' })
    }
  }

  const stalled = () => {
    const seconds = budgetMs / 1000
    if (traced && at) {
      const path = request.files[at.file]?.path ?? `rule ${at.file + 1}`
      slow.push({
        file: at.file,
        path,
        message: `took over ${seconds} s on event ${at.event + 1} and was stopped (a slow regular expression?).`,
      })
      if (slow.length > MAX_SLOW_RULES)
        return finish({
          type: 'failed',
          message: `Stopped: more than ${MAX_SLOW_RULES} rules were too slow.`,
        })
      onUpdate({
        type: 'restart',
        message: `${path} was too slow on event ${at.event + 1}; running the set again without it…`,
      })
      return attempt()
    }
    if (!traced && last?.phase === 'evaluate') {
      onUpdate({
        type: 'restart',
        message: `A rule took over ${seconds} s on an event; finding which…`,
      })
      return attempt({ from: last.eventsDone, count: TRACED_EVENTS })
    }
    const what =
      last === undefined
        ? 'The rule-set worker did not start'
        : last.phase === 'parse'
          ? `Reading the events took over ${budgets.parseBudgetMs / 1000} s`
          : `Compiling stopped near ${request.files[last.rulesDone]?.path ?? 'a rule'} for over ${seconds} s`
    finish({ type: 'failed', message: `${what}; the run was stopped.` })
  }
  const watchdog = new Watchdog(stalled)

  attempt()
  return {
    cancel() {
      if (over) return
      over = true
      watchdog.stop()
      worker?.terminate()
    },
  }
}
