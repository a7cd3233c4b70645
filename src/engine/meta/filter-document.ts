/**
 * A Sigma filter document (sigma-reference §9): which rules it names, the log source it is
 * meant for, and its own search identifiers and condition. Reading only; whether it applies to
 * a rule is decided in filter-applies.ts, and joining it to the rule in apply-filters.ts.
 */
import type { Document, YAMLMap } from 'yaml'
import { error } from '../diagnostics.ts'
import type { Diagnostic, Range } from '../types.ts'
import { readSearchSection, type IdentifierSource } from '../rule/detection.ts'
import type { ConditionSource } from '../rule/condition-source.ts'
import { asMap, asSeq, findPair, nodeRange, resolveNode, scalarOf } from '../yaml/nodes.ts'

/** A rule named in `rules`, with where it is written. */
export interface RuleReference {
  ref: string
  range: Range
}

export interface FilterSource {
  /** How the page and the CLI name the filter: its `name`, else `id`, else `title`. */
  label: string
  /** The `filter` key: where warnings about the whole filter point. */
  keyRange: Range
  /** `any` (pySigma: also an empty list) or the rules named. */
  rules: 'any' | RuleReference[]
  rulesRange: Range
  /** category/product/service the filter sets (the others match anything). */
  logsource: Record<string, string>
  logsourceRange: Range
  identifiers: IdentifierSource[]
  conditions: ConditionSource[]
}

export function readFilterDocument(
  map: YAMLMap<unknown, unknown>,
  doc: Document | undefined,
  text: string,
  ordinal: number,
  diagnostics: Diagnostic[],
): FilterSource | undefined {
  const pair = findPair(map, 'filter')
  if (!pair) return undefined
  const keyRange = nodeRange(pair.key)
  const label = labelOf(map) ?? `filter ${ordinal}`
  const section = asMap(resolveNode(pair.value, doc))
  if (!section) {
    diagnostics.push(
      error(
        'FILTER_RULE',
        'Sigma filter must have a filter defined: `filter` is a map of `rules`, search identifiers and a `condition`.',
        nodeRange(pair.value, keyRange),
      ),
    )
    return undefined
  }
  const rulesPair = findPair(section, 'rules')
  const rules = readRules(rulesPair?.value, doc)
  if (!rulesPair)
    diagnostics.push(
      error(
        'FILTER_RULE',
        "Sigma filter must have a 'rules' field (use 'any' to apply to all rules matching the logsource).",
        keyRange,
      ),
    )
  else if (!rules)
    diagnostics.push(
      error(
        'FILTER_RULE',
        '`rules` must be `any`, a rule id or name, or a list of them.',
        nodeRange(rulesPair.value, nodeRange(rulesPair.key)),
      ),
    )
  const logsourcePair = findPair(map, 'logsource')
  const logsource = readLogsource(logsourcePair?.value, doc)
  if (!logsource)
    diagnostics.push(
      error(
        'FILTER_RULE',
        'Sigma filter must have a log source: a `logsource` map (category, product, service).',
        logsourcePair ? nodeRange(logsourcePair.value, nodeRange(logsourcePair.key)) : keyRange,
      ),
    )
  const detection = readSearchSection(section, keyRange, { text, doc, diagnostics }, 'filter')
  if (detection.conditions.length > 1)
    diagnostics.push(
      error(
        'FILTER_RULE',
        'Sigma filter must contain exactly one condition.',
        detection.conditions[1]?.range ?? keyRange,
      ),
    )
  return {
    label,
    keyRange,
    rules: rules ?? [],
    rulesRange: rulesPair ? nodeRange(rulesPair.value, nodeRange(rulesPair.key)) : keyRange,
    logsource: logsource ?? {},
    logsourceRange: logsourcePair ? nodeRange(logsourcePair.key) : keyRange,
    identifiers: detection.identifiers,
    conditions: detection.conditions.slice(0, 1),
  }
}

function labelOf(map: YAMLMap<unknown, unknown>): string | undefined {
  for (const key of ['name', 'id', 'title']) {
    const v = scalarOf(findPair(map, key)?.value)
    if (typeof v === 'string' && v.trim() !== '') return v
  }
  return undefined
}

function readRules(raw: unknown, doc: Document | undefined): FilterSource['rules'] | undefined {
  const node = resolveNode(raw, doc)
  const single = scalarOf(node)
  if (typeof single === 'string')
    return single === 'any' ? 'any' : [{ ref: single, range: nodeRange(node) }]
  const seq = asSeq(node)
  if (!seq) return undefined
  if (seq.items.length === 0) return 'any'
  const refs: RuleReference[] = []
  for (const item of seq.items) {
    const ref = scalarOf(resolveNode(item, doc))
    if (typeof ref !== 'string' && typeof ref !== 'number') return undefined
    refs.push({ ref: String(ref), range: nodeRange(item) })
  }
  return refs
}

function readLogsource(
  raw: unknown,
  doc: Document | undefined,
): Record<string, string> | undefined {
  const map = asMap(resolveNode(raw, doc))
  if (!map) return undefined
  const out: Record<string, string> = {}
  for (const key of ['category', 'product', 'service']) {
    const v = scalarOf(findPair(map, key)?.value)
    if (typeof v === 'string') out[key] = v
  }
  return out
}
