/**
 * A text of several Sigma documents (YAML `---`): every detection rule compiled with the
 * filters that apply to it, and every correlation read, its references resolved to rules or
 * to other correlations (chains). Anything that is not applied is reported.
 */
import type { YAMLMap } from 'yaml'
import type { CompiledRule } from '../compiled-rule.ts'
import { compileDetection, readFilters, type ItemLevel } from '../compile.ts'
import { error, sortDiagnostics } from '../diagnostics.ts'
import { notAppliedWarning } from '../meta/apply-filters.ts'
import type { FilterSource } from '../meta/filter-document.ts'
import type { Diagnostic, EngineOptions, Range, RuleMeta } from '../types.ts'
import { parseYaml, type YamlDocument } from '../yaml/parse.ts'
import { asMap, findPair, isEmptyDocument, nodeRange, pairRange } from '../yaml/nodes.ts'
import type { ResolvedCorrelation, ResolvedReference } from './correlate.ts'
import { readCorrelation, type CorrelationSource } from './read-correlation.ts'

export interface SetRule {
  /** `name`, else `id`, else `title`: how output lines name the rule. */
  label: string
  meta: RuleMeta
  rule?: CompiledRule
  /** Where the rule's document sits in the text. */
  range: Range
}

export interface CompiledSet {
  rules: SetRule[]
  correlations: ResolvedCorrelation[]
  diagnostics: Diagnostic[]
}

type Doc = { doc: YamlDocument; map: YAMLMap<unknown, unknown> }

export function compileSetWith(
  text: string,
  options: EngineOptions,
  level: ItemLevel,
): CompiledSet {
  const parsed = parseYaml(text)
  const diagnostics = [...parsed.diagnostics]
  const empty: CompiledSet = { rules: [], correlations: [], diagnostics }
  if (diagnostics.some((d) => d.code === 'YAML_SYNTAX')) return empty
  const detections: Doc[] = []
  const filterDocs: Doc[] = []
  const correlationDocs: Doc[] = []
  for (const doc of parsed.documents) {
    if (isEmptyDocument(doc.contents)) continue
    const map = asMap(doc.contents)
    if (!map) {
      diagnostics.push(
        error(
          'NOT_A_RULE',
          'A Sigma document is a YAML map, not a list or a single value.',
          nodeRange(doc.contents),
        ),
      )
      continue
    }
    const action = findPair(map, 'action')
    if (action) {
      diagnostics.push(
        error(
          'V1_COLLECTION',
          'Sigma v1 rule collections (`action: …`) are not supported: split the file into complete rules.',
          pairRange(action, text),
        ),
      )
      continue
    }
    if (findPair(map, 'correlation')) correlationDocs.push({ doc, map })
    else if (findPair(map, 'filter')) filterDocs.push({ doc, map })
    else detections.push({ doc, map })
  }

  const filters = readFilters(filterDocs, text, diagnostics)
  const reasons = new Map<FilterSource, string[]>()
  const rules: SetRule[] = detections.map(({ doc, map }, i) => {
    const notApplied = (f: FilterSource, why: string) =>
      reasons.set(f, [...(reasons.get(f) ?? []), why])
    const result = compileDetection({
      text,
      map,
      doc,
      filters,
      options,
      level,
      diagnostics,
      notApplied,
    })
    const label = result.meta.name ?? result.meta.id ?? result.meta.title ?? `rule ${i + 1}`
    const range = nodeRange(doc.contents)
    return { label, meta: result.meta, range, ...(result.rule ? { rule: result.rule } : {}) }
  })
  for (const f of filters) {
    const why = reasons.get(f) ?? []
    if (rules.length > 0 && why.length === rules.length)
      diagnostics.push(notAppliedWarning(f, why.join('; ')))
  }
  if (filters.length > 0 && rules.length === 0)
    for (const f of filters)
      diagnostics.push(
        error(
          'FILTER_RULE',
          'This filter has no rule to apply to: put the rule it filters in the same text.',
          f.keyRange,
        ),
      )

  const sources = correlationDocs.map(({ doc, map }, i) =>
    readCorrelation(map, doc.doc, i + 1, diagnostics),
  )
  const correlations = resolveReferences(sources, rules, diagnostics)
  return { rules, correlations, diagnostics: sortDiagnostics(diagnostics) }
}

function resolveReferences(
  sources: (CorrelationSource | undefined)[],
  rules: SetRule[],
  diagnostics: Diagnostic[],
): ResolvedCorrelation[] {
  const valid = sources.filter((s): s is CorrelationSource => s !== undefined)
  const resolved: ResolvedCorrelation[] = []
  for (const source of valid) {
    const refs: ResolvedReference[] = []
    const refNames: string[] = []
    for (const r of source.rules) {
      const rule = rules.findIndex((x) => x.meta.id === r.ref || x.meta.name === r.ref)
      const corr = valid.findIndex((x) => x.name === r.ref || x.id === r.ref)
      if (rule >= 0) {
        refs.push({ kind: 'rule', index: rule })
        refNames.push(rules[rule]?.meta.name ?? r.ref)
      } else if (corr >= 0 && valid[corr] !== source) {
        refs.push({ kind: 'correlation', index: corr })
        refNames.push(valid[corr]?.name ?? r.ref)
      } else
        diagnostics.push(
          error(
            'RULE_NOT_FOUND',
            `Rule '${r.ref}' not found in this text: name a rule or correlation here by its id or name.`,
            r.range,
          ),
        )
    }
    resolved.push({ source, refs, refNames })
  }
  const cyclic = findCycle(resolved)
  if (cyclic !== undefined) {
    const c = resolved[cyclic] as ResolvedCorrelation
    diagnostics.push(
      error(
        'CORRELATION_SYNTAX',
        `The correlation '${c.source.label}' refers to itself through its rules (a cycle).`,
        c.source.keyRange,
      ),
    )
    return []
  }
  // A correlation with an unresolved reference would count the wrong events: leave it out.
  return resolved.every((c) => c.refs.length === c.source.rules.length) ? resolved : []
}

function findCycle(correlations: ResolvedCorrelation[]): number | undefined {
  const state = new Map<number, 1 | 2>()
  const visit = (i: number): boolean => {
    if (state.get(i) === 2) return false
    if (state.get(i) === 1) return true
    state.set(i, 1)
    for (const ref of correlations[i]?.refs ?? [])
      if (ref.kind === 'correlation' && visit(ref.index)) return true
    state.set(i, 2)
    return false
  }
  for (let i = 0; i < correlations.length; i++) if (visit(i)) return i
  return undefined
}
