/**
 * What-if: the verdicts with some identifiers forced true or false, from the identifier values
 * already computed (no event is matched again), so trying a change costs one pass over bytes.
 */
import type { VerdictColumns } from './view.ts'
import type { WhatIf, WhatIfResult } from './types.ts'
import { drain, STEP_ITEMS, type Steps } from './steps.ts'

export function whatIf(
  rows: VerdictColumns,
  fromValues: (values: readonly boolean[]) => boolean,
  forced: WhatIf,
): WhatIfResult | undefined {
  return drain(whatIfSteps(rows, fromValues, forced))
}

/** `whatIf`, yielding the number of events decided so far (see steps.ts). */
export function* whatIfSteps(
  rows: VerdictColumns,
  fromValues: (values: readonly boolean[]) => boolean,
  forced: WhatIf,
): Steps<WhatIfResult | undefined> {
  const width = rows.names.length
  const overrides = rows.names.map((name) =>
    Object.hasOwn(forced, name) ? forced[name] : undefined,
  )
  if (overrides.every((o) => o === undefined)) return undefined
  const match = new Uint8Array(rows.count)
  const values = new Array<boolean>(width).fill(false)
  let gained = 0
  let lost = 0
  for (let i = 0; i < rows.count; i++) {
    // A row costs one condition call, so pauses can be rarer than for whole events.
    if (i > 0 && i % (STEP_ITEMS * 16) === 0) yield i
    for (let j = 0; j < width; j++) values[j] = overrides[j] ?? rows.hits[i * width + j] === 1
    const now = fromValues(values)
    match[i] = now ? 1 : 0
    const before = rows.match[i] === 1
    if (now && !before) gained++
    else if (!now && before) lost++
  }
  return { match, gained, lost }
}
