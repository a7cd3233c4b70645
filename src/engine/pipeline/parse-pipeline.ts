/**
 * pySigma processing pipeline YAML → the transformations the engine applies to field names.
 * Supported: `name`, `priority`, `transformations` of type `field_name_mapping`,
 * `field_name_prefix_mapping`, `field_name_prefix`, `field_name_suffix`, `drop_detection_item`
 * and `add_condition`, each with `rule_conditions` of type `logsource`, `rule_cond_op`, and
 * `field_name_conditions` of type `include_fields` / `exclude_fields`. Anything else is an
 * error at its own range: silently ignoring a mapping would be a wrong verdict.
 */
import { isMap, isScalar, isSeq, type Pair } from 'yaml'
import { error } from '../diagnostics.ts'
import { parseWithYaml } from '../yaml/parse.ts'
import { keyText, nodeRange, scalarOf } from '../yaml/nodes.ts'
import type { Diagnostic, Range, Scalar } from '../types.ts'

export interface LogsourceCondition {
  category?: string
  product?: string
  service?: string
}

interface Common {
  /** Logsources the rule must match (any of them with `or`, all with `and`); none = always. */
  when: LogsourceCondition[]
  whenAll: boolean
  /** `field_name_conditions`: the field names this transformation touches (or spares). */
  fields?: { names: Set<string>; exclude: boolean }
}

export type Transformation = Common &
  (
    | { type: 'field_name_mapping'; mapping: Map<string, string[]> }
    | { type: 'field_name_prefix_mapping'; mapping: Map<string, string> }
    | { type: 'field_name_prefix'; prefix: string }
    | { type: 'field_name_suffix'; suffix: string }
    | { type: 'drop_detection_item' }
    | { type: 'add_condition'; conditions: Map<string, Scalar[]> }
  )

export interface Pipeline {
  name: string
  priority: number
  transformations: Transformation[]
}

export interface ParsedPipeline {
  pipeline?: Pipeline
  diagnostics: Diagnostic[]
}

type Reader = { fail(message: string, node: unknown): void }

function pairs(node: unknown): Pair<unknown, unknown>[] {
  return isMap(node) ? node.items : []
}

function text(node: unknown, what: string, r: Reader): string | undefined {
  const value = scalarOf(node)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  r.fail(`${what} must be a string`, node)
  return undefined
}

function stringList(node: unknown, what: string, r: Reader): string[] {
  if (!isSeq(node)) {
    const one = text(node, what, r)
    return one === undefined ? [] : [one]
  }
  return node.items.flatMap((item) => {
    const one = text(item, what, r)
    return one === undefined ? [] : [one]
  })
}

function readLogsource(node: unknown, r: Reader): LogsourceCondition | undefined {
  const condition: LogsourceCondition = {}
  let type: string | undefined
  for (const pair of pairs(node)) {
    const key = keyText(pair)
    if (key === 'type') type = text(pair.value, 'type', r)
    else if (key === 'category' || key === 'product' || key === 'service')
      condition[key] = text(pair.value, key, r)
    else r.fail(`Unsupported key '${key}' in a rule condition`, pair.key)
  }
  if (type !== 'logsource') {
    r.fail(`Unsupported rule condition type '${type ?? '(none)'}': only 'logsource'`, node)
    return undefined
  }
  return condition
}

function readFieldCondition(node: unknown, r: Reader): { fields: string[]; exclude: boolean } {
  let type: string | undefined
  let fields: string[] = []
  for (const pair of pairs(node)) {
    const key = keyText(pair)
    if (key === 'type') type = text(pair.value, 'type', r)
    else if (key === 'fields') fields = stringList(pair.value, 'fields', r)
    else r.fail(`Unsupported key '${key}' in a field name condition`, pair.key)
  }
  if (type !== 'include_fields' && type !== 'exclude_fields')
    r.fail(`Unsupported field name condition '${type ?? '(none)'}'`, node)
  return { fields, exclude: type === 'exclude_fields' }
}

function readMapping<T>(node: unknown, value: (v: unknown) => T | undefined, r: Reader) {
  const mapping = new Map<string, T>()
  if (!isMap(node)) r.fail('mapping must be a map of field names', node)
  for (const pair of pairs(node)) {
    const v = value(pair.value)
    if (v !== undefined) mapping.set(keyText(pair), v)
  }
  return mapping
}

const TRANSFORMATION_KEYS = new Set([
  'id',
  'type',
  'rule_conditions',
  'rule_cond_op',
  'field_name_conditions',
])

function readTransformation(node: unknown, r: Reader): Transformation | undefined {
  if (!isMap(node)) {
    r.fail('A transformation must be a map with a type', node)
    return undefined
  }
  const get = (key: string) => pairs(node).find((p) => keyText(p) === key)
  const type = text(get('type')?.value, 'type', r)
  const conditions = get('rule_conditions')?.value
  const when = isSeq(conditions) ? conditions.items.flatMap((c) => readLogsource(c, r) ?? []) : []
  const op = get('rule_cond_op')
  const whenAll = op ? text(op.value, 'rule_cond_op', r) === 'and' : true
  const list = get('field_name_conditions')?.value
  const read = isSeq(list) ? list.items.map((c) => readFieldCondition(c, r)) : []
  const common: Common = { when, whenAll }
  if (read.length > 0)
    common.fields = {
      names: new Set(read.flatMap((c) => c.fields)),
      exclude: read.some((c) => c.exclude),
    }
  const used = new Set(TRANSFORMATION_KEYS)
  const take = (key: string) => {
    used.add(key)
    return get(key)?.value
  }
  let out: Transformation | undefined
  if (type === 'field_name_mapping')
    out = {
      ...common,
      type,
      mapping: readMapping(take('mapping'), (v) => stringList(v, 'a mapped name', r), r),
    }
  else if (type === 'field_name_prefix_mapping')
    out = { ...common, type, mapping: readMapping(take('mapping'), (v) => text(v, 'prefix', r), r) }
  else if (type === 'field_name_prefix')
    out = { ...common, type, prefix: text(take('prefix'), 'prefix', r) ?? '' }
  else if (type === 'field_name_suffix')
    out = { ...common, type, suffix: text(take('suffix'), 'suffix', r) ?? '' }
  else if (type === 'drop_detection_item') {
    if (!common.fields) r.fail('drop_detection_item needs field_name_conditions', node)
    out = { ...common, type }
  } else if (type === 'add_condition') {
    const value = (v: unknown): Scalar[] | undefined =>
      isSeq(v) ? v.items.map((i) => scalarOf(i) ?? null) : [scalarOf(v) ?? null]
    out = { ...common, type, conditions: readMapping(take('conditions'), value, r) }
  } else if (type !== undefined) {
    r.fail(`Unsupported transformation type '${type}'`, get('type')?.value)
    return undefined
  }
  for (const pair of pairs(node))
    if (!used.has(keyText(pair)))
      r.fail(`Unsupported key '${keyText(pair)}' in ${type ?? 'a transformation'}`, pair.key)
  return out
}

export function parsePipeline(source: string): ParsedPipeline {
  const parsed = parseWithYaml(source)
  const diagnostics: Diagnostic[] = [...parsed.diagnostics]
  const r: Reader = {
    fail(message, node) {
      const range: Range = isScalar(node) || isMap(node) || isSeq(node) ? nodeRange(node) : [0, 1]
      diagnostics.push(error('PIPELINE', message, range))
    },
  }
  if (diagnostics.length > 0) return { diagnostics }
  const root = parsed.documents[0]?.contents
  if (!isMap(root)) {
    r.fail('A pipeline is a map with name, priority and transformations', root)
    return { diagnostics }
  }
  const pipeline: Pipeline = { name: '', priority: 0, transformations: [] }
  for (const pair of pairs(root)) {
    const key = keyText(pair)
    if (key === 'name') pipeline.name = text(pair.value, 'name', r) ?? ''
    else if (key === 'priority') {
      const value = scalarOf(pair.value)
      if (typeof value === 'number') pipeline.priority = value
      else r.fail('priority must be a number', pair.value)
    } else if (key === 'transformations') {
      if (!isSeq(pair.value)) r.fail('transformations must be a list', pair.value)
      else
        for (const item of pair.value.items) {
          const t = readTransformation(item, r)
          if (t) pipeline.transformations.push(t)
        }
    } else if (key !== 'allowed_backends') r.fail(`Unsupported pipeline key '${key}'`, pair.key)
  }
  return { pipeline, diagnostics }
}
