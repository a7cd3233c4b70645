/**
 * Why a rule field never matches an event: the event has no such field (with the event's
 * fields that look like it, and the built-in pipeline that would map it), or its value is a
 * near miss (near-miss.ts). Pure: the rule's outline, the compiled rule and one raw event.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import { asView } from '../match/prepare-event.ts'
import { BUILTIN_PIPELINES } from '../pipeline/builtin.ts'
import { parsePipeline } from '../pipeline/parse-pipeline.ts'
import type { OutlineItem } from '../rule/outline.ts'
import { viewFieldNames } from '../tuning/event-fields.ts'
import type { Range } from '../types.ts'
import { nearMiss, plainHolds } from './near-miss.ts'

export interface FieldMiss {
  field: string
  keyRange?: Range
  kind: 'missing' | 'value'
  message: string
  /** Event fields that look like the rule field (case and separators ignored). */
  nearest?: string[]
  /** A built-in pipeline mapping the rule field to a field this event has. */
  pipeline?: string
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

let known: Map<string, [string, string][]> | undefined

/**
 * Rule field → [pipeline id, event field] for every field_name_mapping of the built-ins. Built
 * on first use: parsing the pipelines at import cost every page load and CLI start.
 */
function knownMappings(): Map<string, [string, string][]> {
  if (known) return known
  known = new Map()
  for (const builtin of BUILTIN_PIPELINES)
    for (const t of parsePipeline(builtin.text).pipeline?.transformations ?? [])
      if (t.type === 'field_name_mapping')
        for (const [from, to] of t.mapping)
          for (const name of to) known.set(from, [...(known.get(from) ?? []), [builtin.id, name]])
  return known
}

/** Event fields whose name is the rule field's, or ends with it, ignoring case and separators. */
function nearestFields(field: string, names: readonly string[]): string[] {
  const want = squash(field)
  if (!want) return []
  return names.filter((name) => squash(name) === want || squash(name).endsWith(want)).slice(0, 3)
}

/** What a user can do about a rule field no event has: the look-alike fields, and the fix. */
export interface MissingFix {
  /** Event fields that look like the rule field, or that a built-in pipeline maps it to. */
  have: string[]
  /** The built-in pipeline mapping the rule field to one of `have`. */
  pipeline?: string
  pipelineName?: string
  nearest: string[]
}

export function missingFix(field: string, names: readonly string[]): MissingFix {
  const mapped = (knownMappings().get(field) ?? []).find(([, to]) => names.includes(to))
  const nearest = nearestFields(field, names)
  const pipeline = mapped?.[0]
  const pipelineName = BUILTIN_PIPELINES.find((p) => p.id === pipeline)?.name
  const have = mapped ? [mapped[1]] : nearest
  return { have, nearest, ...(pipeline && { pipeline }), ...(pipelineName && { pipelineName }) }
}

function missing(item: OutlineItem, names: readonly string[]): FieldMiss {
  const { field, keyRange } = item
  const { have, nearest, pipeline, pipelineName } = missingFix(field, names)
  const message =
    have.length === 0
      ? `\`${field}\` is missing from this event`
      : `\`${field}\` is missing; this event has ${have.map((n) => `\`${n}\``).join(', ')}${
          pipelineName ? ` — use the ${pipelineName} pipeline?` : ' — map it in Options?'
        }`
  return { field, keyRange, kind: 'missing', message, nearest, ...(pipeline && { pipeline }) }
}

/**
 * Every field item of the rule this event cannot satisfy for one of the reasons above. With the
 * event's identifier values, only the items of selections that were false are looked at: a
 * filter's fields missing from an event are no reason for anything.
 */
export function fieldMisses(
  rule: CompiledRule,
  items: readonly OutlineItem[],
  raw: unknown,
  identifiers?: Readonly<Record<string, boolean>>,
): FieldMiss[] {
  const view = asView(rule.prepare(raw))
  let names: string[] | undefined
  const out: FieldMiss[] = []
  const seen = new Set<string>()
  for (const item of items) {
    if (!item.field || item.modifiers.includes('exists')) continue
    if (identifiers && (item.identifier.startsWith('filter') || identifiers[item.identifier]))
      continue
    const lookups = rule.eventFieldsOf(item.field).map((name) => view.lookup(name))
    const scalars = lookups.flatMap((l) => l.scalars.map((s) => s.subject.text))
    if (lookups.every((l) => l.resolved === undefined)) {
      if (seen.has(item.field)) continue
      seen.add(item.field)
      names ??= viewFieldNames(view)
      out.push(missing(item, names))
      continue
    }
    // A near miss only when no rule value matches any event value outright.
    const pairs = item.values.flatMap((v) => scalars.map((actual) => [v.text, actual] as const))
    if (pairs.some(([expected, actual]) => plainHolds(item.modifiers, expected, actual) !== false))
      continue
    for (const [expected, actual] of pairs) {
      const message = nearMiss(item.field, item.modifiers, expected, actual)
      if (message) out.push({ field: item.field, keyRange: item.keyRange, kind: 'value', message })
    }
  }
  return out
}
