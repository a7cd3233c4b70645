/**
 * Long passes over every event (top values, what-if, checking a proposal) are generators that
 * yield how far they got now and then. The page's worker uses the pauses to report progress to
 * its time-budget watchdog and to give up a run a newer request replaced; `drain` runs one to
 * the end in a single go (tests, the CLI, small inputs).
 */
export type Steps<T> = Generator<number, T, void>

/** Items handled between two yields: small enough that a pause comes every few milliseconds. */
export const STEP_ITEMS = 256

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
