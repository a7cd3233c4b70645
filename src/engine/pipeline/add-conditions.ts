/**
 * A pipeline's `add_condition`: its field/value pairs become one more identifier,
 * `_pipeline_condition` (hidden from `them` like every `_` name), and each rule condition
 * becomes `(<condition>) and _pipeline_condition`, as pySigma ANDs the added items in.
 */
import type { CompiledItem, ItemSource } from '../item.ts'
import type { Diagnostic } from '../types.ts'
import { every } from '../condition/compile.ts'
import type { CompiledSearch } from '../rule/compile-search.ts'
import type { RuleParts } from '../meta/apply-filters.ts'
import { nothingKnown } from '../ruleset/needles.ts'
import type { FieldPlan } from './field-plan.ts'

export const ADDED_CONDITION = '_pipeline_condition'

export function addConditions(
  parts: RuleParts,
  plan: FieldPlan | undefined,
  compileItem: (source: ItemSource) => { item?: CompiledItem; diagnostics: Diagnostic[] },
  diagnostics: Diagnostic[],
): RuleParts {
  if (!plan || plan.added.length === 0) return parts
  const items: CompiledItem[] = []
  for (const { field, values } of plan.added) {
    // Nothing in the rule text stands for these: their ranges are empty, at the start.
    const compiled = compileItem({
      field,
      modifiers: [],
      values: values.map((value) => ({ value, range: [0, 0] as const })),
      keyRange: [0, 0],
      range: [0, 0],
    })
    diagnostics.push(...compiled.diagnostics)
    if (compiled.item) items.push(compiled.item)
  }
  const search: CompiledSearch = {
    screens: nothingKnown,
    match: every(items.map((item) => (event) => item.match(event))),
    explain: (event) => {
      const children = items.map((item) => item.explain(event))
      return { type: 'and', range: [0, 0], value: children.every((c) => c.value), children }
    },
  }
  return andIdentifier(parts, ADDED_CONDITION, search)
}

/** `search` as one more hidden identifier `name`, ANDed to every condition of the rule. */
export function andIdentifier(parts: RuleParts, name: string, search: CompiledSearch): RuleParts {
  const index = parts.identifiers.length
  const ref = {
    type: 'ref' as const,
    name,
    index,
    range: [0, 0] as const,
    dropped: false as const,
  }
  return {
    identifiers: [
      ...parts.identifiers,
      { name, kind: 'selection', keyRange: [0, 0], range: [0, 0] },
    ],
    searches: [...parts.searches, search],
    conditions: parts.conditions.map(
      (node) =>
        node && {
          type: 'and' as const,
          range: node.range,
          children: [node, ref],
          dropped: node.dropped,
        },
    ),
  }
}
