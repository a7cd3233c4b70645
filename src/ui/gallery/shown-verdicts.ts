/** The verdict the page shows for each event, for checking an exercise's goal. */
import type { AnalysisResult } from '../../worker/protocol.ts'

/** Exercises have a handful of events; a large paste is never an exercise. */
const LIMIT = 200

const NONE: (boolean | undefined)[] = []
const cache = new WeakMap<AnalysisResult, (boolean | undefined)[]>()

export function shownVerdicts(
  result: AnalysisResult | undefined,
): readonly (boolean | undefined)[] {
  if (!result) return NONE
  const hit = cache.get(result)
  if (hit) return hit
  const count = Math.min(result.counts.events, LIMIT)
  // Straight from the columns: a whole row (identifiers, summary) per event cost a few ms a key.
  const { match, failures } = result.rows
  const verdicts = Array.from({ length: count }, (_, i) =>
    !result.compiled || i >= match.length ? undefined : failures[i] === undefined && match[i] === 1,
  )
  cache.set(result, verdicts)
  return verdicts
}
