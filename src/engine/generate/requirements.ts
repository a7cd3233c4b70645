/**
 * What one field item asks of an event field, read from the engine's own modifier pipeline:
 * the same typed values the matcher compiles, so the generator and the matcher cannot read a
 * value differently.
 */
import type { ItemSource } from '../item.ts'
import type { EngineOptions } from '../types.ts'
import { applyModifiers, checkModifiers } from '../modifiers/pipeline.ts'
import type { TypedValue } from '../modifiers/typed-value.ts'

export type Requirement = Exclude<TypedValue, { kind: 'exists' } | { kind: 'null' }> | Presence

/** `|exists` and `null` ask only whether the field is there. */
export interface Presence {
  kind: 'presence'
  present: boolean
}

export interface ItemDemand {
  /** The requirements that must all hold (one value, or every value under `|all`). */
  all: Requirement[]
  /** `|neq`: the item holds when the field differs from these. */
  negated: boolean
  /** Which rule value this demand comes from (for labels). */
  valueIndex: number
}

/**
 * Every way of satisfying the item, one per value (or a single one under `|all`); the first
 * alternative of an expanding modifier (windash, base64offset, expand) stands for the value.
 */
export function itemDemands(item: ItemSource, options: EngineOptions): ItemDemand[] {
  const names = item.modifiers.map((m) => m.name)
  const { checked } = checkModifiers(item.modifiers, item.field === null)
  const negated = names.includes('neq')
  const requirements = item.values.map((v) => {
    const applied = applyModifiers(checked, v.value, v.range, options)
    const first = applied.alternatives?.[0]?.value
    return first && toRequirement(first)
  })
  if (requirements.some((r) => r === undefined)) return []
  const reqs = requirements as Requirement[]
  if (names.includes('all') && !negated) return [{ all: reqs, negated, valueIndex: 0 }]
  if (negated) return [{ all: reqs, negated, valueIndex: 0 }]
  return reqs.map((r, valueIndex) => ({ all: [r], negated, valueIndex }))
}

function toRequirement(value: TypedValue): Requirement {
  if (value.kind === 'exists') return { kind: 'presence', present: value.value }
  if (value.kind === 'null') return { kind: 'presence', present: false }
  return value
}
