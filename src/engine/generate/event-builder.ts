/**
 * Turns chosen branches into an event: every item's requirements gathered per field, one value
 * per field, field references copied last, keywords in a `message` field. Field names stay as
 * the rule writes them.
 */
import type { EngineOptions, Scalar } from '../types.ts'
import type { ItemSource } from '../item.ts'
import { ABSENT, justMissing, valueFor, type FieldValue } from './field-value.ts'
import { itemDemands, type ItemDemand, type Requirement } from './requirements.ts'

export type GeneratedFields = Record<string, Scalar>

export const KEYWORD_FIELD = 'message'

/** An item with the rule value it is to satisfy (index into its demands). */
export interface Pick {
  item: ItemSource
  choice: number
}

export interface Built {
  event?: GeneratedFields
  /** Fields the items need left out (`null`, `|exists: false`). */
  absent?: string[]
  /** The item whose value could not be produced. */
  failed?: ItemSource
}

export function demandOf(pick: Pick, options: EngineOptions): ItemDemand | undefined {
  const demands = itemDemands(pick.item, options)
  return demands.length === 0 ? undefined : demands[pick.choice % demands.length]
}

export function buildEvent(picks: readonly Pick[], options: EngineOptions): Built {
  const byField = new Map<string, Requirement[]>()
  const negated = new Map<string, Requirement[]>()
  const refs: { field: string; from: string }[] = []
  const keywords: string[] = []
  for (const pick of picks) {
    const demand = demandOf(pick, options)
    if (!demand) return { failed: pick.item }
    const field = pick.item.field
    if (field === null) {
      const text = valueFor(demand.all)
      if (typeof text !== 'string') return { failed: pick.item }
      keywords.push(text)
      continue
    }
    for (const req of demand.all) {
      if (req.kind === 'fieldref') refs.push({ field, from: req.field })
      else {
        const target = demand.negated ? negated : byField
        target.set(field, [...(target.get(field) ?? []), req])
      }
    }
  }
  const event: GeneratedFields = {}
  const absent: string[] = []
  for (const [field, reqs] of byField) {
    const value = valueFor(reqs)
    if (value === undefined) return { failed: picks.find((p) => p.item.field === field)?.item }
    if (value === ABSENT) absent.push(field)
    else event[field] = value
  }
  for (const [field, reqs] of negated) {
    if (field in event) continue
    const value = reqs.map((r) => justMissing(r, valueFor([r]) ?? '')).find((v) => v !== undefined)
    if (value !== undefined && value !== ABSENT) event[field] = value
  }
  for (const { field, from } of refs) {
    if (!(from in event)) event[from] = 'same-value'
    event[field] = event[from] ?? 'same-value'
  }
  if (keywords.length > 0) event[KEYWORD_FIELD] = keywords.join(' ')
  return { event, absent }
}

/** `base` with the built fields laid over it and the absent ones removed. */
export function overlay(
  base: GeneratedFields,
  built: Built & { event: GeneratedFields },
): GeneratedFields {
  const merged = { ...base, ...built.event }
  for (const field of built.absent ?? []) delete merged[field]
  return merged
}

/** The event with one field set to `value`, or removed. */
export function withField(
  event: GeneratedFields,
  field: string,
  value: FieldValue,
): GeneratedFields {
  const copy = { ...event }
  if (value === ABSENT) delete copy[field]
  else copy[field] = value
  return copy
}
