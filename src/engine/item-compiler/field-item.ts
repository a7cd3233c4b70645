/**
 * A compiled field item (`Field|mods: values`): looks the field up once, lists its leaves
 * once, then ORs (or ANDs, with `all`) its values; `neq` negates the whole item.
 */
import type { CompiledItem, PreparedEvent } from '../item.ts'
import type { FieldTrace, MissReason, Range, ValueTrace } from '../types.ts'
import type { CompiledValue, ValueSource } from './compiled-value.ts'
import { explainValue, valueMatches } from './compiled-value.ts'
import { asView } from '../match/prepare-event.ts'
import { anyScalarTest } from './scalar-tests.ts'

export interface FieldItemSpec {
  /** The field as the rule writes it (shown in the trace). */
  field: string
  /** The event fields looked up (after field map and pipelines); any of them may match. */
  lookupFields: string[]
  modifiers: string[]
  keyRange: Range
  range: Range
  linking: 'or' | 'and'
  negated: boolean
  values: { compiled: CompiledValue; source: ValueSource }[]
}

/** Several mapped fields: the item on each, ORed (pySigma turns the item into an OR). */
export function makeFieldItem(spec: FieldItemSpec): CompiledItem {
  if (spec.lookupFields.length === 1) return makeOneFieldItem(spec, spec.lookupFields[0] ?? '')
  const items = spec.lookupFields.map((field) => makeOneFieldItem(spec, field))
  return {
    match: (event) => items.some((item) => item.match(event)),
    explain: (event) => {
      const traces = items.map((item) => item.explain(event) as FieldTrace)
      return (
        traces.find((t) => t.value) ??
        traces.find((t) => t.lookups.length > 0) ??
        (traces[0] as FieldTrace)
      )
    },
  }
}

/** An item a pipeline's drop_detection_item removed: it no longer constrains the event. */
export function droppedItem(
  field: string,
  common: Pick<FieldItemSpec, 'modifiers' | 'keyRange' | 'range' | 'linking' | 'negated'>,
): CompiledItem {
  const trace: FieldTrace = {
    type: 'field',
    field,
    ...common,
    value: true,
    lookups: [],
    values: [],
  }
  return { match: () => true, explain: () => trace }
}

function makeOneFieldItem(spec: FieldItemSpec, lookupField: string): CompiledItem {
  const { linking, negated } = spec
  const compiled = spec.values.map((v) => v.compiled)
  const all = linking === 'and'

  const anyTest = anyScalarTest(linking, compiled)
  const match = anyTest
    ? (event: PreparedEvent): boolean => {
        const inner = anyTest(asView(event).lookup(lookupField).scalars)
        return negated ? !inner : inner
      }
    : (event: PreparedEvent): boolean => {
        const view = asView(event)
        const lookup = view.lookup(lookupField)
        let inner = all
        for (const value of compiled) {
          if (valueMatches(value, lookup, view) !== all) {
            inner = !all
            break
          }
        }
        return negated ? !inner : inner
      }

  const explain = (event: PreparedEvent): FieldTrace => {
    const view = asView(event)
    const lookup = view.lookup(lookupField)
    const { resolved } = lookup
    const values: ValueTrace[] = []
    let hits = 0
    for (const v of spec.values) {
      const trace = explainValue(v.compiled, v.source, lookup, view)
      if (trace.value) hits++
      values.push(trace)
    }
    const inner = all ? hits === values.length : hits > 0
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
      lookups: resolved ? [{ path: resolved.path, value: boundedCopy(resolved.value) }] : [],
      values,
    }
    if (!value) {
      const reason = itemReason(values, resolved === undefined, negated)
      if (reason) trace.reason = reason
    }
    return trace
  }

  return { match, explain }
}

function itemReason(
  values: ValueTrace[],
  absent: boolean,
  negated: boolean,
): MissReason | undefined {
  // A failed `neq` means a value did match: nothing is missing.
  if (negated) return undefined
  if (absent) return 'absent'
  let first: MissReason | undefined
  for (const v of values) {
    if (v.reason === 'case') return 'case'
    first ??= v.reason
  }
  return first
}

/** Containers deeper than this in a looked-up value are shown as `…` in the trace. */
const TRACE_DEPTH = 16

/**
 * The looked-up value as the trace carries it. A trace is serialised (postMessage, JSON lines)
 * by recursive serialisers; an event nested 100,000 deep would overflow them, so the copy
 * stops at a depth no real event reaches.
 */
function boundedCopy(value: unknown, depth = 0): unknown {
  // -0 is 0 to every test and JSON writes it as 0 (match/subject.ts): the trace says 0 too.
  if (typeof value !== 'object' || value === null) return value === 0 ? 0 : value
  if (depth >= TRACE_DEPTH) return '…'
  if (Array.isArray(value)) return value.map((v: unknown) => boundedCopy(v, depth + 1))
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const [key, v] of Object.entries(value)) copy[key] = boundedCopy(v, depth + 1)
  return copy
}
