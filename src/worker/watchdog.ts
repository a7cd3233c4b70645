/**
 * A worker's time budget, kept on the page's main thread: the worker proves it is alive with
 * messages that re-arm the watchdog, and silence for the whole budget means it is stuck.
 *
 * The page's own stalls must not count against the worker. While the main thread is busy
 * (a 10 MB model being set, a long render, a loaded machine), the worker's heartbeats wait in
 * the message queue, and when the thread frees up the overdue timer may run before them: the
 * worker would be blamed for the page's pause. So a timer that fires late waits a little
 * longer, giving the queued messages their turn, before it gives up on the worker. The grace is
 * granted a few times at most, so a stuck worker is still stopped on a page that stays busy.
 */

/** Events this large get one more second of budget: see `budgetOver`. */
const CHARS_PER_EXTRA_SECOND = 5_000_000

/**
 * The silence allowed to a run over `eventsChars` characters of events. A worker holding tens
 * of megabytes pauses for longer than a heartbeat's gap when it takes the text in or collects
 * garbage (a 50 MB file on a loaded machine: over a second), which is no sign of a stuck rule.
 * Whole seconds, as the page says them.
 */
export const budgetOver = (baseMs: number, eventsChars: number): number =>
  baseMs + 1000 * Math.floor(eventsChars / CHARS_PER_EXTRA_SECOND)

/** A timer this late means the page itself was busy. */
const STALL_MS = 150
/** The wait after such a stall: queued messages run well within it. */
const GRACE_MS = 250
const MAX_GRACES = 4

export class Watchdog {
  private timer?: ReturnType<typeof setTimeout>
  private deadline = 0
  private graces = 0

  constructor(
    private readonly onExpire: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** (Re)starts the budget: `onExpire` runs after `ms` without another `arm` or `stop`. */
  arm(ms: number): void {
    this.stop()
    this.graces = 0
    this.schedule(ms)
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(ms: number): void {
    this.deadline = this.now() + ms
    this.timer = setTimeout(this.check, ms)
  }

  private readonly check = (): void => {
    this.timer = undefined
    const late = this.now() - this.deadline
    if (late > STALL_MS && this.graces < MAX_GRACES) {
      this.graces++
      this.schedule(GRACE_MS)
      return
    }
    this.onExpire()
  }
}
