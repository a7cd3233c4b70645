/**
 * What a row's verdict says and which chips come first. The worker's one-line reason already
 * names the filter that excluded an event ("excluded by filter_x: …", from the trace's `not`s),
 * so the verdict reads it from there rather than guessing from identifier names.
 */
import type { RowResult } from '../../worker/protocol.ts'
import { isFilterName } from './chipLabels.ts'

// Up to the colon before the why: a filter document's identifier is `mf_x › selection`.
const EXCLUDED = /^excluded by ([^:;,]+?)(?:[:;,]|$)/

/** The identifier that excluded a non-matching event, if a filter did. */
export function excludedBy(row: RowResult): string | undefined {
  if (row.match || row.error !== undefined) return undefined
  return EXCLUDED.exec(row.summary)?.[1]
}

export function verdictText(row: RowResult): string {
  // The engine failed on this event: there is no verdict, only the error (in the summary).
  if (row.error !== undefined) return 'Engine error'
  if (row.match) return 'Match'
  const filter = excludedBy(row)
  if (!filter) return 'No match'
  // "filter mf_admins › selection": the filter document's name, then its identifier.
  return filter.includes(' › ') ? `Excluded by filter ${filter}` : `Excluded by ${filter}`
}

/**
 * Chips in the order that explains the verdict, so the deciding ones are never the ones cut off
 * at the right edge: the excluding filter first; for a match the true selections; for a miss the
 * false selections. The rest keep the rule's order.
 */
export function decidingOrder(row: RowResult, names: readonly string[]): string[] {
  const filter = excludedBy(row)
  const deciding = (name: string): boolean => {
    if (filter) return name === filter
    const value = row.identifiers[name] ?? false
    return !isFilterName(name) && value === row.match
  }
  return [...names.filter(deciding), ...names.filter((n) => !deciding(n))]
}
