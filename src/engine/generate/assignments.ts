/**
 * Which identifiers to make true: the condition's satisfying truth assignments, cheapest first
 * (filters false, as few selections true as possible). Small rules are enumerated exactly;
 * large ones try the usual shapes (all selections, then each one alone).
 */
const EXACT_LIMIT = 12

export function satisfyingAssignments(
  isFilter: readonly boolean[],
  condition: (values: readonly boolean[]) => boolean,
): boolean[][] {
  const n = isFilter.length
  const candidates = n <= EXACT_LIMIT ? everyAssignment(n) : usualShapes(isFilter)
  const cost = (a: readonly boolean[]) =>
    a.reduce((sum, v, i) => sum + (v ? (isFilter[i] ? 100 : 1) : 0), 0)
  return candidates.filter((a) => condition(a)).sort((a, b) => cost(a) - cost(b))
}

function everyAssignment(n: number): boolean[][] {
  const out: boolean[][] = []
  for (let bits = 0; bits < 1 << n; bits++)
    out.push(Array.from({ length: n }, (_, i) => (bits & (1 << i)) !== 0))
  return out
}

function usualShapes(isFilter: readonly boolean[]): boolean[][] {
  const selections = isFilter.map((f) => !f)
  const alone = isFilter.flatMap((f, i) => (f ? [] : [isFilter.map((_, j) => j === i)]))
  return [selections, ...alone, isFilter.map(() => true)]
}
