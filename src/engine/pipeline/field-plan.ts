/**
 * What the pipelines (and the user's field map, one more mapping applied first) do to one
 * rule: the event fields each rule field is read from (several = any of them), the items
 * dropped, and the conditions added. Built once per compile from the rule's logsource.
 */
import type { RuleMeta, Scalar } from '../types.ts'
import type { LogsourceCondition, Pipeline, Transformation } from './parse-pipeline.ts'
import { parsePipeline } from './parse-pipeline.ts'

export interface FieldPlan {
  /** Event field names to read for a rule field, in order; never empty. */
  names(field: string): string[]
  dropped(field: string): boolean
  added: { field: string; values: Scalar[] }[]
}

function logsourceMatches(condition: LogsourceCondition, logsource: Record<string, string>) {
  // pySigma: each key the condition sets must equal the rule's (a missing rule key fails).
  return (['category', 'product', 'service'] as const).every(
    (key) => condition[key] === undefined || logsource[key] === condition[key],
  )
}

function applies(t: Transformation, logsource: Record<string, string>): boolean {
  if (t.when.length === 0) return true
  const hits = t.when.map((c) => logsourceMatches(c, logsource))
  return t.whenAll ? hits.every(Boolean) : hits.some(Boolean)
}

function touches(t: Transformation, name: string): boolean {
  return !t.fields || t.fields.names.has(name) !== t.fields.exclude
}

function rename(t: Transformation, name: string): string[] {
  if (!touches(t, name)) return [name]
  switch (t.type) {
    case 'field_name_mapping':
      return t.mapping.get(name) ?? [name]
    case 'field_name_prefix_mapping':
      for (const [from, to] of t.mapping)
        if (name.startsWith(from)) return [to + name.slice(from.length)]
      return [name]
    case 'field_name_prefix':
      return [t.prefix + name]
    case 'field_name_suffix':
      return [name + t.suffix]
    default:
      return [name]
  }
}

const pipelineCache = new Map<string, Pipeline | undefined>()

/** Parsed once per distinct text; a pipeline with errors contributes nothing here. */
function compiled(text: string): Pipeline | undefined {
  if (!pipelineCache.has(text)) {
    if (pipelineCache.size > 64) pipelineCache.clear()
    const parsed = parsePipeline(text)
    pipelineCache.set(text, parsed.diagnostics.length === 0 ? parsed.pipeline : undefined)
  }
  return pipelineCache.get(text)
}

export function planFields(
  texts: readonly string[],
  fieldMap: Record<string, string> | undefined,
  meta: RuleMeta,
): FieldPlan | undefined {
  const pipelines = texts.map(compiled).filter((p): p is Pipeline => p !== undefined)
  const userMap = fieldMap ? Object.entries(fieldMap) : []
  if (pipelines.length === 0 && userMap.length === 0) return undefined
  const logsource = meta.logsource ?? {}
  // Lower priority runs first (pySigma); equal priorities keep their given order.
  const ordered = pipelines
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.priority - b.p.priority || a.i - b.i)
  const steps: Transformation[] = []
  if (userMap.length > 0)
    steps.push({
      type: 'field_name_mapping',
      mapping: new Map(userMap.map(([from, to]) => [from, [to]])),
      when: [],
      whenAll: true,
    })
  for (const { p } of ordered)
    for (const t of p.transformations) if (applies(t, logsource)) steps.push(t)

  const memo = new Map<string, string[]>()
  const names = (field: string): string[] => {
    let found = memo.get(field)
    if (!found) {
      found = [field]
      for (const t of steps) found = [...new Set(found.flatMap((name) => rename(t, name)))]
      memo.set(field, found)
    }
    return found
  }
  const dropped = (field: string) =>
    steps.some(
      (t) => t.type === 'drop_detection_item' && t.fields !== undefined && touches(t, field),
    )
  const added = steps.flatMap((t) =>
    t.type === 'add_condition'
      ? [...t.conditions].map(([field, values]) => ({ field, values }))
      : [],
  )
  return { names, dropped, added }
}
