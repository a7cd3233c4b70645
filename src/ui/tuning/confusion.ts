/**
 * The marks against the verdicts: true positives (marked "should match", matching), false
 * positives ("should not match", matching), false negatives and true negatives.
 */
import type { Expectations } from '../../engine/index.ts'

export interface Confusion {
  tp: number
  fp: number
  fn: number
  tn: number
  marked: number
}

export function confusion(
  expect: Expectations | undefined,
  match: Uint8Array | undefined,
): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0, marked: 0 }
  if (!expect || !match) return c
  for (const [key, mark] of Object.entries(expect)) {
    const index = Number(key)
    if (index >= match.length) continue
    const matched = match[index] === 1
    c.marked++
    if (mark === 'match') c[matched ? 'tp' : 'fn']++
    else c[matched ? 'fp' : 'tn']++
  }
  return c
}
