/**
 * A Sigma correlation document (sigma-reference §8) read into plain data, with a diagnostic
 * and its range for everything pySigma refuses. Where pySigma accepts more than the
 * specification (timespan units w, M, y; `value_median`) it is accepted with a warning.
 */
import type { Document, YAMLMap } from 'yaml'
import { error, warning } from '../diagnostics.ts'
import type { Diagnostic, Range } from '../types.ts'
import { asMap, asSeq, findPair, keyText, nodeRange, resolveNode, scalarOf } from '../yaml/nodes.ts'
import type { RuleReference } from '../meta/filter-document.ts'

/** A reference resolved at compile time: a detection rule or another correlation, by index. */
export type ResolvedReference =
  { kind: 'rule'; index: number } | { kind: 'correlation'; index: number }

export interface ResolvedCorrelation {
  source: CorrelationSource
  refs: ResolvedReference[]
  /** The rule `name` each reference has (aliases are keyed by rule names). */
  refNames: string[]
}

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
  'value_median',
] as const
export type CorrelationType = (typeof CORRELATION_TYPES)[number]

export const OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const
export type Operator = (typeof OPERATORS)[number]

export interface CorrelationCondition {
  op: Operator
  value: number
  /** The field value_* types aggregate. */
  field?: string
  /** value_percentile: which percentile (pySigma's `percentile`). */
  percentile?: number
}

export interface CorrelationSource {
  /** How output names it: `name`, else `title`, else `id`. */
  label: string
  name?: string
  id?: string
  type: CorrelationType
  rules: RuleReference[]
  groupBy: string[]
  /** alias → rule name → field. */
  aliases: Record<string, Record<string, string>>
  timespanMs: number
  timespanText: string
  condition: CorrelationCondition
  generate: boolean
  keyRange: Range
  /** The whole document: diagnostics inside it are this correlation's. */
  documentRange: Range
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 }
/** pySigma only: week, month (2629746 s) and year (31556952 s). */
const EXTRA_UNIT_SECONDS: Record<string, number> = { w: 604800, M: 2629746, y: 31556952 }

export function readCorrelation(
  map: YAMLMap<unknown, unknown>,
  doc: Document | undefined,
  ordinal: number,
  diagnostics: Diagnostic[],
): CorrelationSource | undefined {
  const pair = findPair(map, 'correlation')
  if (!pair) return undefined
  const keyRange = nodeRange(pair.key)
  const bad = (message: string, range: Range = keyRange) =>
    diagnostics.push(error('CORRELATION_SYNTAX', message, range))
  const body = asMap(resolveNode(pair.value, doc))
  if (!body) {
    bad('`correlation` must be a map with type, rules, group-by, timespan and condition.')
    return undefined
  }
  const get = (key: string) => findPair(body, key)
  const text = (key: string) => scalarOf(findPair(map, key)?.value)
  const named = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
  const name = named(text('name'))
  const id = named(text('id'))
  const label = name ?? named(text('title')) ?? id ?? `correlation ${ordinal}`
  const start = diagnostics.length

  const typePair = get('type')
  const type = scalarOf(typePair?.value)
  if (!typePair) bad('Sigma correlation rule without type.')
  else if (!CORRELATION_TYPES.includes(type as CorrelationType))
    bad(
      `'${String(type)}' is no valid Sigma correlation type (${CORRELATION_TYPES.join(', ')}).`,
      nodeRange(typePair.value),
    )
  else if (type === 'value_median')
    diagnostics.push(
      warning(
        'CORRELATION_EXTENSION',
        '`value_median` is a pySigma extension, not in the Sigma specification.',
        nodeRange(typePair.value),
      ),
    )

  const rules = stringList(get('rules')?.value, doc)
  if (!rules || rules.length === 0)
    bad('Sigma correlation rule without rule references: `rules` lists rule ids or names.')
  const groupByPair = get('group-by')
  const groupBy = groupByPair ? stringList(groupByPair.value, doc) : []
  if (!groupBy) bad('Sigma correlation group-by definition must be string or list.')
  if (!groupByPair)
    diagnostics.push(
      warning(
        'CORRELATION_EXTENSION',
        'No `group-by`: the specification requires it; pySigma allows it, and then all events form one group.',
        keyRange,
      ),
    )

  const timespanPair = get('timespan')
  const timespanText = String(scalarOf(timespanPair?.value) ?? '')
  const timespanMs = readTimespan(timespanText, timespanPair?.value, keyRange, diagnostics)
  if (!timespanPair) bad('Sigma correlation rule without timespan.')

  const aliases = readAliases(get('aliases')?.value, doc, bad)
  const note = (message: string, range: Range) =>
    diagnostics.push(warning('CORRELATION_EXTENSION', message, range))
  const condition = readCondition(type as CorrelationType, get('condition'), rules, doc, bad, note)
  const generatePair = get('generate')
  const generate = scalarOf(generatePair?.value)
  if (generatePair && typeof generate !== 'boolean')
    bad('Sigma correlation generate definition must be a boolean.', nodeRange(generatePair.value))

  if (diagnostics.slice(start).some((d) => d.severity === 'error')) return undefined
  return {
    label,
    ...(name ? { name } : {}),
    ...(id ? { id } : {}),
    type: type as CorrelationType,
    rules: rules ?? [],
    groupBy: (groupBy ?? []).map((g) => g.ref),
    aliases,
    timespanMs: timespanMs ?? 0,
    timespanText,
    condition: condition as CorrelationCondition,
    generate: generate === true,
    keyRange,
    documentRange: nodeRange(map),
  }
}

function stringList(raw: unknown, doc: Document | undefined): RuleReference[] | undefined {
  const node = resolveNode(raw, doc)
  const single = scalarOf(node)
  if (typeof single === 'string') return [{ ref: single, range: nodeRange(node) }]
  const seq = asSeq(node)
  if (!seq) return undefined
  const out: RuleReference[] = []
  for (const item of seq.items) {
    const v = scalarOf(resolveNode(item, doc))
    if (typeof v !== 'string') return undefined
    out.push({ ref: v, range: nodeRange(item) })
  }
  return out
}

function readTimespan(
  textValue: string,
  node: unknown,
  fallback: Range,
  diagnostics: Diagnostic[],
): number | undefined {
  if (node === undefined) return undefined
  const range = nodeRange(node, fallback)
  const m = /^(\d+)([smhdwMy])$/.exec(textValue)
  if (!m) {
    diagnostics.push(
      error(
        'CORRELATION_SYNTAX',
        `Timespan '${textValue}' is invalid: write a number and a unit, s, m, h or d (e.g. 5m).`,
        range,
      ),
    )
    return undefined
  }
  const unit = m[2] as string
  const seconds = UNIT_SECONDS[unit] ?? EXTRA_UNIT_SECONDS[unit] ?? 0
  if (!(unit in UNIT_SECONDS))
    diagnostics.push(
      warning(
        'CORRELATION_EXTENSION',
        `The unit '${unit}' is a pySigma extension (the specification has s, m, h, d); pySigma reads ${unit === 'M' ? 'a month as 2629746 s' : unit === 'y' ? 'a year as 31556952 s' : 'a week as 7 days'}.`,
        range,
      ),
    )
  return Number(m[1]) * seconds * 1000
}

function readAliases(
  raw: unknown,
  doc: Document | undefined,
  bad: (message: string, range?: Range) => void,
): Record<string, Record<string, string>> {
  const out = Object.create(null) as Record<string, Record<string, string>>
  if (raw === undefined) return out
  const map = asMap(resolveNode(raw, doc))
  if (!map) {
    bad('`aliases` must map each alias to a map of rule name → field.', nodeRange(raw))
    return out
  }
  for (const entry of map.items) {
    const inner = asMap(resolveNode(entry.value, doc))
    if (!inner) {
      bad(`The alias '${keyText(entry)}' must map rule names to fields.`, nodeRange(entry.value))
      continue
    }
    const fields = Object.create(null) as Record<string, string>
    for (const f of inner.items) {
      const v = scalarOf(f.value)
      if (typeof v === 'string') fields[keyText(f)] = v
      else bad('An alias field must be a field name.', nodeRange(f.value))
    }
    out[keyText(entry)] = fields
  }
  return out
}

function readCondition(
  type: CorrelationType,
  pair: ReturnType<typeof findPair>,
  rules: RuleReference[] | undefined,
  doc: Document | undefined,
  bad: (message: string, range?: Range) => void,
  note: (message: string, range: Range) => void,
): CorrelationCondition | undefined {
  const temporal = type === 'temporal' || type === 'temporal_ordered'
  if (!pair) {
    if (temporal) return { op: 'gte', value: rules?.length ?? 0 }
    bad('Non-temporal Sigma correlation rule without condition.')
    return undefined
  }
  const map = asMap(resolveNode(pair.value, doc))
  const range = nodeRange(pair.value, nodeRange(pair.key))
  if (!map) {
    bad('The correlation condition is a map such as `{gte: 10}`.', range)
    return undefined
  }
  const ops: { op: Operator; value: number }[] = []
  const out: Partial<CorrelationCondition> = {}
  for (const entry of map.items) {
    const key = keyText(entry)
    const v = scalarOf(entry.value)
    if ((OPERATORS as readonly string[]).includes(key)) {
      if (typeof v !== 'number') bad(`\`${key}\` needs a number.`, nodeRange(entry.value))
      else ops.push({ op: key as Operator, value: v })
    } else if (key === 'field' && typeof v === 'string') out.field = v
    else if (key === 'percentile' && typeof v === 'number') out.percentile = v
    else bad(`The correlation condition contains an invalid item: '${key}'.`, nodeRange(entry.key))
  }
  if (ops.length !== 1) {
    bad(
      'Sigma correlation condition must have exactly one condition item (gt, gte, lt, lte, eq or neq), as pySigma requires.',
      range,
    )
    return undefined
  }
  const needsField = type !== 'event_count' && !temporal
  if (needsField && out.field === undefined) {
    bad(`A ${type} correlation needs \`field\` in its condition.`, range)
    return undefined
  }
  if (type === 'value_percentile' && out.percentile === undefined) {
    out.percentile = 50
    note('The condition sets no `percentile`: the 50th (the median) is used.', range)
  }
  return { ...out, ...(ops[0] as { op: Operator; value: number }) }
}
