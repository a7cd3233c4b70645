/**
 * Monaco drops work it no longer needs (code actions asked for again, a hover left, an edit
 * applied from a quick fix) by rejecting its promise with its own cancellation error. Its error
 * handler ignores that error, but a few of its paths leave the rejection unhandled, and the
 * browser then reports a harmless "Canceled" as an error. Only that exact error is silenced;
 * every other failure is reported as before.
 */

/** Monaco's cancellation error: an Error whose name and message are both "Canceled". */
export function isMonacoCancellation(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'Canceled' && reason.message === 'Canceled'
}

export function silenceMonacoCancellations(target: Window): void {
  target.addEventListener('unhandledrejection', (event) => {
    if (isMonacoCancellation(event.reason)) event.preventDefault()
  })
  target.addEventListener('error', (event) => {
    if (isMonacoCancellation(event.error)) event.preventDefault()
  })
}
