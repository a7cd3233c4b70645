/**
 * A rule-set run inside a worker, in slices: between slices it posts how far it got (the
 * heartbeat the page's time budget watches) and yields to the event loop. The page cancels by
 * terminating the worker, which stops the work wherever it is; a worker runs one rule set.
 */
import { runRuleSet } from './ruleset-run.ts'
import type { RuleSetReply, RuleSetRequest } from './ruleset-protocol.ts'

/** How long the run works before it reports progress. */
const SLICE_MS = 40

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function run(request: RuleSetRequest, post: (reply: RuleSetReply) => void): Promise<void> {
  const steps = runRuleSet(request, (file, event) => post({ type: 'at', file, event }))
  let sliceStart = performance.now()
  let phase = ''
  for (;;) {
    const step = steps.next()
    if (step.done) {
      post({ type: 'result', result: step.value })
      return
    }
    // A new phase is told at once: parsing large events gets a longer budget than the rest.
    const newPhase = step.value.phase !== phase
    phase = step.value.phase
    if (!newPhase && performance.now() - sliceStart < SLICE_MS) continue
    post({ type: 'progress', ...step.value })
    await nextTask()
    sliceStart = performance.now()
  }
}

export function runRuleSetSliced(
  request: RuleSetRequest,
  post: (reply: RuleSetReply) => void,
): void {
  run(request, post).catch((error: unknown) => {
    // The engine promises not to throw; if it does anyway, the page says so instead of waiting.
    post({ type: 'failure', message: error instanceof Error ? error.message : String(error) })
  })
}
