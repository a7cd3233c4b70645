/**
 * Why a value that looks right does not match: it differs only in case under `|cased`, it is
 * the same number written otherwise (`0x1250` for 4688) but compared as text, it is the SID of
 * the integrity level the rule names, or a path written with `/` where the rule has `\`. Pure
 * string work on one rule value and one event value; only plain comparisons (equals,
 * contains, startswith, endswith, with or without `cased`) are judged, wildcards never.
 */

type Compare = 'equals' | 'contains' | 'startswith' | 'endswith'

const COMPARES = new Set<string>(['contains', 'startswith', 'endswith'])
const PLAIN = new Set<string>(['contains', 'startswith', 'endswith', 'cased'])

/** Mandatory integrity levels by SID (S-1-16-RID), as Windows writes them. */
const INTEGRITY_SIDS: Readonly<Record<string, string>> = {
  'S-1-16-0': 'Untrusted',
  'S-1-16-4096': 'Low',
  'S-1-16-8192': 'Medium',
  'S-1-16-8448': 'Medium Plus',
  'S-1-16-12288': 'High',
  'S-1-16-16384': 'System',
  'S-1-16-20480': 'Protected Process',
}

function holds(compare: Compare, actual: string, expected: string, cased: boolean): boolean {
  const [a, e] = cased ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()]
  if (compare === 'contains') return a.includes(e)
  if (compare === 'startswith') return a.startsWith(e)
  if (compare === 'endswith') return a.endsWith(e)
  return a === e
}

/** Decimal or 0x-hex integers, as events write numbers in text. */
function numberOf(text: string): number | undefined {
  const t = text.trim()
  if (/^-?\d+$/.test(t)) return Number(t)
  if (/^0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t.slice(2), 16)
  return undefined
}

/** Whether a plain comparison holds; undefined when the item is not one near-miss.ts judges. */
export function plainHolds(
  modifiers: readonly string[],
  expected: string,
  actual: string,
): boolean | undefined {
  if (!modifiers.every((m) => PLAIN.has(m)) || /[*?]/.test(expected)) return undefined
  const compare = (modifiers.find((m) => COMPARES.has(m)) ?? 'equals') as Compare
  return holds(compare, actual, expected, modifiers.includes('cased'))
}

/**
 * The near miss of event value `actual` against rule value `expected` under `modifiers`, or
 * undefined when there is none (including when the value simply matches).
 */
export function nearMiss(
  field: string,
  modifiers: readonly string[],
  expected: string,
  actual: string,
): string | undefined {
  if (!modifiers.every((m) => PLAIN.has(m)) || /[*?]/.test(expected)) return undefined
  const compare = (modifiers.find((m) => COMPARES.has(m)) ?? 'equals') as Compare
  const cased = modifiers.includes('cased')
  if (holds(compare, actual, expected, cased)) return undefined
  if (cased && holds(compare, actual, expected, false))
    return `${field} '${actual}' differs from '${expected}' only in case, and the rule says |cased`
  if (expected.includes('\\') && actual.includes('/'))
    if (holds(compare, actual.replaceAll('/', '\\'), expected, cased))
      return `${field} '${actual}' writes the path with / where the rule has \\`
  const level = INTEGRITY_SIDS[actual.trim().toUpperCase()]
  if (level && compare === 'equals' && level.toLowerCase() === expected.toLowerCase())
    return `${field} is the SID ${actual} of integrity level ${level}; the rule says '${expected}'`
  const [a, e] = [numberOf(actual), numberOf(expected)]
  if (compare === 'equals' && a !== undefined && a === e)
    return `${field} '${actual}' is the number ${a} too, but values are compared as text`
  return undefined
}
