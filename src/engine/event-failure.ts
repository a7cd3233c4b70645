/**
 * An exception inside the engine for one event is reported, never turned into a verdict:
 * a silent non-match would hide the event from the rule.
 */
import type { EventFailure, EventsDiagnostic, Range } from './types.ts'

export function failure(error: unknown): EventFailure {
  const message =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : `Unexpected failure: ${String(error)}`
  return { failed: true, message }
}

export function isEventFailure(result: unknown): result is EventFailure {
  return typeof result === 'object' && result !== null && (result as EventFailure).failed === true
}

/** The INTERNAL events diagnostic for event `index` (its range in the events text). */
export function eventFailureDiagnostic(
  index: number,
  range: Range,
  { message }: EventFailure,
): EventsDiagnostic {
  return {
    code: 'INTERNAL',
    severity: 'error',
    message: `The engine failed on event #${index}, so it has no verdict (${message})`,
    range,
    event: index,
  }
}
