/**
 * The condition tree with every node's value, from the identifier values: what the UI paints.
 * Dropped selectors (matching nothing) stay in the tree with `dropped: true` and value false;
 * their parents are computed without them, exactly like the fast path.
 */
import type { ConditionTrace } from '../types.ts'
import type { ResolvedNode } from './resolve.ts'

export function traceCondition(
  node: ResolvedNode,
  names: readonly string[],
  values: readonly boolean[],
): ConditionTrace {
  const dropped = node.dropped ? { dropped: true as const } : {}
  switch (node.type) {
    case 'ref':
      return { type: 'ref', name: node.name, range: node.range, value: values[node.index] === true }
    case 'not': {
      const child = traceCondition(node.child, names, values)
      return {
        type: 'not',
        range: node.range,
        value: !node.dropped && !child.value,
        child,
        ...dropped,
      }
    }
    case 'selector': {
      const members = node.members.map((i) => ({ name: names[i] ?? '', value: values[i] === true }))
      const value =
        members.length > 0 &&
        (node.quantifier === 'all' ? members.every((m) => m.value) : members.some((m) => m.value))
      return {
        type: 'selector',
        quantifier: node.quantifier,
        pattern: node.pattern,
        range: node.range,
        value,
        members,
        ...dropped,
      }
    }
    default: {
      const children = node.children.map((c) => traceCondition(c, names, values))
      const live = children.filter((_, i) => !node.children[i]?.dropped)
      const value =
        live.length > 0 &&
        (node.type === 'and' ? live.every((c) => c.value) : live.some((c) => c.value))
      return { type: node.type, range: node.range, value, children, ...dropped }
    }
  }
}
