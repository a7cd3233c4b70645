/**
 * The identifiers that exclude when true: those the condition reaches through an odd number of
 * `not`s (`not filter_main_x`, `not 1 of filter_*`, a filter document's `not selection`). A
 * true one is a filter hit, painted in its own colour so it never reads as a selection hit.
 */
import type { ConditionTrace, Trace } from '../../engine/index.ts'

function collect(node: ConditionTrace, negated: boolean, into: Set<string>): void {
  switch (node.type) {
    case 'and':
    case 'or':
      for (const child of node.children) collect(child, negated, into)
      return
    case 'not':
      collect(node.child, !negated, into)
      return
    case 'ref':
      if (negated) into.add(node.name)
      return
    case 'selector':
      if (negated) for (const member of node.members) into.add(member.name)
  }
}

export function excludingIdentifiers(trace: Trace | undefined): Set<string> {
  const names = new Set<string>()
  for (const condition of trace?.conditions ?? []) collect(condition, false, names)
  return names
}
