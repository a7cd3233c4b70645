/**
 * A compiled field item (`Field|mods: values`): looks the field up once, lists its leaves
 * once, then ORs (or ANDs, with `all`) its values; `neq` negates the whole item.
 */
import type { CompiledItem, PreparedEvent } from '../item.ts'
import type { FieldTrace, MissReason, Range } from '../types.ts'
import type { CompiledValue, ValueSource } from './compiled-value.ts'
import { explainValue, valueMatches } from './compiled-value.ts'
import { asView } from './prepare-event.ts'

export interface FieldItemSpec {
  /** The field as the rule writes it (shown in the trace). */
  field: string
  /** The event field looked up (after the user's field map). */
  lookupField: string
  modifiers: string[]
  keyRange: Range
  range: Range
  linking: 'or' | 'and'
  negated: boolean
  values: { compiled: CompiledValue; source: ValueSource }[]
}

export function makeFieldItem(spec: FieldItemSpec): CompiledItem {
  const { lookupField, linking, negated } = spec
  const compiled = spec.values.map((v) => v.compiled)
  const all = linking === 'and'

  const match = (event: PreparedEvent): boolean => {
    const view = asView(event)
    const { resolved, leaves } = view.lookup(lookupField)
    let inner = all
    for (const value of compiled) {
      if (valueMatches(value, resolved, leaves, view) !== all) {
        inner = !all
        break
      }
    }
    return negated ? !inner : inner
  }

  const explain = (event: PreparedEvent): FieldTrace => {
    const view = asView(event)
    const { resolved, leaves } = view.lookup(lookupField)
    const values = spec.values.map((v) =>
      explainValue(v.compiled, v.source, resolved, leaves, view),
    )
    const inner = all ? values.every((v) => v.value) : values.some((v) => v.value)
    const value = negated ? !inner : inner
    const trace: FieldTrace = {
      type: 'field',
      field: spec.field,
      modifiers: spec.modifiers,
      keyRange: spec.keyRange,
      range: spec.range,
      value,
      linking,
      negated,
      lookups: resolved ? [{ path: resolved.path, value: resolved.value }] : [],
      values,
    }
    if (!value) {
      const reason = itemReason(
        values.map((v) => v.reason),
        resolved === undefined,
        negated,
      )
      if (reason) trace.reason = reason
    }
    return trace
  }

  return { match, explain }
}

function itemReason(
  reasons: (MissReason | undefined)[],
  absent: boolean,
  negated: boolean,
): MissReason | undefined {
  // A failed `neq` means a value did match: nothing is missing.
  if (negated) return undefined
  if (absent) return 'absent'
  const known = reasons.filter((r): r is MissReason => r !== undefined)
  if (known.includes('case')) return 'case'
  return known[0]
}
