/**
 * Join the filter documents that apply to a rule onto the rule, as pySigma does
 * (sigma-reference §9): the filter's identifiers are added beside the rule's, kept apart (its
 * `them` and `1 of x*` see only its own identifiers, and the rule's see none of them), and each
 * rule condition becomes `(<rule condition>) and (<filter condition>)`. A filter that applies
 * to nothing, and a filter condition with no `not`, are said out loud.
 */
import type { CompileItem } from '../item.ts'
import type { Diagnostic, EngineOptions, IdentifierInfo } from '../types.ts'
import { warning } from '../diagnostics.ts'
import type { ConditionNode } from '../condition/ast.ts'
import { parseCondition } from '../condition/parser.ts'
import { resolveCondition, type ResolvedNode } from '../condition/resolve.ts'
import { compileSearch, type CompiledSearch } from '../rule/compile-search.ts'
import type { FilterSource } from './filter-document.ts'
import { filterApplies, type RuleIdentity } from './filter-applies.ts'

export interface RuleParts {
  identifiers: IdentifierInfo[]
  searches: (CompiledSearch | undefined)[]
  /** One resolved node per rule condition; undefined where it did not resolve. */
  conditions: (ResolvedNode | undefined)[]
}

export interface JoinContext {
  rule: RuleIdentity
  options: EngineOptions
  compileItem: CompileItem
  diagnostics: Diagnostic[]
  /** Told about each filter that does not apply to this rule, and why. */
  notApplied(filter: FilterSource, why: string): void
}

/** The separator in a filter identifier's name: `mf_admins › selection`. */
export const FILTER_SEPARATOR = ' › '

export function joinFilters(
  parts: RuleParts,
  filters: readonly FilterSource[],
  ctx: JoinContext,
): RuleParts {
  const identifiers = [...parts.identifiers]
  const searches = [...parts.searches]
  const filterNodes: (ResolvedNode | undefined)[] = []
  for (const filter of filters) {
    const applicability = filterApplies(filter, ctx.rule)
    if (!applicability.applies) {
      ctx.notApplied(filter, applicability.why)
      continue
    }
    const offset = identifiers.length
    for (const ident of filter.identifiers) {
      identifiers.push({
        name: filter.label + FILTER_SEPARATOR + ident.name,
        kind: 'filter',
        keyRange: ident.keyRange,
        range: ident.range,
      })
      searches.push(
        ident.body && compileSearch(ident.body, ctx.options, ctx.compileItem, ctx.diagnostics),
      )
    }
    filterNodes.push(filterCondition(filter, offset, identifiers, ctx.diagnostics))
  }
  if (filterNodes.length === 0) return parts
  const conditions = parts.conditions.map((node) => {
    if (!node || filterNodes.some((f) => !f)) return undefined
    const children = [node, ...(filterNodes as ResolvedNode[])]
    return { type: 'and' as const, range: node.range, children, dropped: node.dropped }
  })
  return { identifiers, searches, conditions }
}

export function notAppliedWarning(filter: FilterSource, why: string): Diagnostic {
  return warning(
    'FILTER_NOT_APPLIED',
    `The filter '${filter.label}' applies to nothing here: ${why}.`,
    filter.keyRange,
  )
}

/** The filter's one condition, resolved against its own identifiers, indexes moved past the rule's. */
function filterCondition(
  filter: FilterSource,
  offset: number,
  identifiers: readonly IdentifierInfo[],
  diagnostics: Diagnostic[],
): ResolvedNode | undefined {
  const source = filter.conditions[0]
  if (!source) return undefined
  const { ast, diagnostics: syntax } = parseCondition(source)
  diagnostics.push(...syntax)
  if (!ast) return undefined
  const own = filter.identifiers.map((i) => i.name)
  const resolution = resolveCondition(ast, own)
  diagnostics.push(...resolution.diagnostics)
  if (!hasNot(ast))
    diagnostics.push(
      warning(
        'FILTER_WITHOUT_NOT',
        `This filter condition has no \`not\`: it is ANDed with the rule's condition (as pySigma does), so the rule would fire only on events it matches. To exclude them, write \`not ${source.text.trim()}\`.`,
        source.range,
      ),
    )
  return resolution.node && shift(resolution.node, offset, identifiers)
}

function hasNot(node: ConditionNode): boolean {
  if (node.type === 'not') return true
  if (node.type === 'and' || node.type === 'or') return node.children.some(hasNot)
  return false
}

/** The same node with identifier indexes moved by `offset`, and names made whole. */
function shift(
  node: ResolvedNode,
  offset: number,
  identifiers: readonly IdentifierInfo[],
): ResolvedNode {
  switch (node.type) {
    case 'ref': {
      const index = node.index + offset
      return { ...node, index, name: identifiers[index]?.name ?? node.name }
    }
    case 'selector':
      return { ...node, members: node.members.map((i) => i + offset) }
    case 'not':
      return { ...node, child: shift(node.child, offset, identifiers) }
    default:
      return { ...node, children: node.children.map((c) => shift(c, offset, identifiers)) }
  }
}
