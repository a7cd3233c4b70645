/**
 * Field lookup (§2.2): a literal top-level key, then a dotted path (a literal key containing
 * dots wins over a further split at each level), then the flat event-log names. Keys are read
 * with own-property checks only, so `__proto__` or `constructor` are ordinary names.
 */
import { Resolved } from './resolved.ts'
import { isObject } from '../json-object.ts'

/**
 * Depth-first over the ways to split `rest` at its dots, longest literal prefix first, so
 * `{"a.b": {"c": 1}}` answers `a.b.c` before `a` → `b.c`. An explicit stack (tried in the
 * same order as a recursion would) keeps a field name with many dots off the call stack.
 */
function walk(root: unknown, name: string): Resolved | undefined {
  const pending: { node: unknown; rest: string; path: string }[] = [
    { node: root, rest: name, path: '' },
  ]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, rest, path } = next
    if (!isObject(node)) continue
    if (Object.hasOwn(node, rest)) return new Resolved(path ? `${path}.${rest}` : rest, node[rest])
    const splits: typeof pending = []
    for (let dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
      const key = rest.slice(0, dot)
      if (Object.hasOwn(node, key))
        splits.push({
          node: node[key],
          rest: rest.slice(dot + 1),
          path: path ? `${path}.${key}` : key,
        })
    }
    // Longest prefix on top of the stack: it is tried first.
    for (let i = splits.length - 1; i >= 0; i--) pending.push(splits[i] as (typeof splits)[number])
  }
  return undefined
}

export function resolveLiteralOrDotted(raw: unknown, name: string): Resolved | undefined {
  if (!isObject(raw)) return undefined
  if (Object.hasOwn(raw, name)) return new Resolved(name, raw[name])
  return name.includes('.') ? walk(raw, name) : undefined
}
