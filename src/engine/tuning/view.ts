/**
 * Which events the results list shows: all, the matches, the non-matches, those where one
 * identifier is true, or those whose verdict differs from what the user expects; narrowed by
 * a text search over each event's source text.
 */
import type { Expectations, TuningRequest } from './types.ts'

export interface VerdictColumns {
  count: number
  names: readonly string[]
  match: Uint8Array
  hits: Uint8Array
  /** Non-zero for events outside the rule's logsource. */
  outside?: Uint8Array
}

/** The lower-cased events text, kept while the text is, so each search costs one scan. */
export class EventSearch {
  private lower?: string
  constructor(
    private readonly text: string,
    /** Event `i` spans `[ranges[2i], ranges[2i + 1])`. */
    private readonly ranges: Uint32Array,
  ) {}

  /** 1 for each event whose text contains `query`, ignoring case. */
  find(query: string): Uint8Array {
    const count = this.ranges.length >> 1
    const hit = new Uint8Array(count)
    const needle = query.toLowerCase()
    if (!needle) return hit.fill(1)
    this.lower ??= this.text.toLowerCase()
    let event = 0
    let at = this.lower.indexOf(needle)
    while (at >= 0 && event < count) {
      // Events come in text order: step forward to the one that ends after the hit.
      while (event < count && (this.ranges[2 * event + 1] ?? 0) < at + needle.length) event++
      if (event >= count) break
      if ((this.ranges[2 * event] ?? 0) <= at) {
        hit[event] = 1
        at = this.lower.indexOf(needle, this.ranges[2 * event + 1] ?? at + 1)
        event++
      } else at = this.lower.indexOf(needle, this.ranges[2 * event] ?? at + 1)
    }
    return hit
  }
}

function wrong(expect: Expectations, index: number, match: boolean): boolean {
  const wanted = expect[index]
  return wanted !== undefined && (wanted === 'match') !== match
}

/**
 * The indices in view, or undefined when that is every event (the common case costs nothing).
 */
export function selectView(
  rows: VerdictColumns,
  request: Pick<TuningRequest, 'mode' | 'identifier' | 'expect' | 'hideOutside'>,
  searchHits?: Uint8Array,
): Uint32Array | undefined {
  const { mode, expect } = request
  const outside = request.hideOutside ? rows.outside : undefined
  if (mode === 'all' && !searchHits && !outside?.some((o) => o !== 0)) return undefined
  const column = request.identifier === undefined ? -1 : rows.names.indexOf(request.identifier)
  const width = rows.names.length
  const keep = (i: number): boolean => {
    if (searchHits && searchHits[i] !== 1) return false
    if (outside && outside[i] !== 0) return false
    const match = rows.match[i] === 1
    switch (mode) {
      case 'all':
        return true
      case 'matches':
        return match
      case 'nonmatches':
        return !match
      case 'identifier':
        return column >= 0 && rows.hits[i * width + column] === 1
      case 'wrong':
        return wrong(expect, i, match)
    }
  }
  const out: number[] = []
  for (let i = 0; i < rows.count; i++) if (keep(i)) out.push(i)
  return Uint32Array.from(out)
}
