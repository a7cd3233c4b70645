/**
 * Field lookup (§2.2): a literal top-level key, then a dotted path (a literal key containing
 * dots wins over a further split at each level), then the flat event-log names. Keys are read
 * with own-property checks only, so `__proto__` or `constructor` are ordinary names.
 */
import type { Resolved } from './evtx-flatten.ts'
import { isObject } from './evtx-flatten.ts'

function walk(node: unknown, rest: string, path: string): Resolved | undefined {
  if (!isObject(node)) return undefined
  if (Object.hasOwn(node, rest)) return { path: path ? `${path}.${rest}` : rest, value: node[rest] }
  // Longest literal prefix first, so `{"a.b": {"c": 1}}` answers `a.b.c` before `a` → `b.c`.
  for (let dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
    const key = rest.slice(0, dot)
    if (!Object.hasOwn(node, key)) continue
    const found = walk(node[key], rest.slice(dot + 1), path ? `${path}.${key}` : key)
    if (found) return found
  }
  return undefined
}

export function resolveLiteralOrDotted(raw: unknown, name: string): Resolved | undefined {
  if (!isObject(raw)) return undefined
  if (Object.hasOwn(raw, name)) return { path: name, value: raw[name] }
  return name.includes('.') ? walk(raw, name, '') : undefined
}
