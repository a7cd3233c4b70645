/**
 * One rule value of an item, compiled: an OR of leaf-test alternatives (expansions), or one
 * of the whole-field tests (null, exists, fieldref). Both the fast and the explaining path
 * use these functions, so they cannot disagree.
 */
import type { MissReason, Range, Scalar, ValueTrace } from '../types.ts'
import type { Resolved } from '../match/resolved.ts'
import type { LeafTest } from './leaf-tests.ts'
import { numberOf } from './leaf-tests.ts'
import type { EventView, FieldLookup } from '../match/prepare-event.ts'
import type { Leaf, ScalarLeaf, Subject } from '../match/subject.ts'

export type FieldrefPosition = 'equals' | 'contains' | 'startswith' | 'endswith'

export type CompiledValue =
  | { kind: 'leaf'; alternatives: { test: LeafTest; variant?: string }[] }
  | { kind: 'null' }
  | { kind: 'exists'; expected: boolean }
  | { kind: 'fieldref'; field: string; position: FieldrefPosition }

export interface ValueSource {
  index: number
  range: Range
  text: string
}

function anyAlternative(
  value: Extract<CompiledValue, { kind: 'leaf' }>,
  subject: Subject,
): boolean {
  for (const alt of value.alternatives) if (alt.test.test(subject)) return true
  return false
}

/** Two event values compared as §2.3 says (numbers numerically, everything else as folded text). */
function eventValuesMatch(a: Subject, b: Subject, position: FieldrefPosition): boolean {
  if (position === 'equals') {
    if (typeof a.raw === 'number' || typeof b.raw === 'number') {
      const x = numberOf(a)
      const y = numberOf(b)
      if (x !== undefined && y !== undefined) return x === y
    }
    return a.lower === b.lower
  }
  if (position === 'contains') return a.lower.includes(b.lower)
  if (position === 'startswith') return a.lower.startsWith(b.lower)
  return a.lower.endsWith(b.lower)
}

/** Fast path for one value; `leaves` are the field's leaves, computed once per item test. */
export function valueMatches(value: CompiledValue, lookup: FieldLookup, view: EventView): boolean {
  const { resolved, leaves, scalars } = lookup
  switch (value.kind) {
    case 'leaf':
      for (const leaf of scalars) if (anyAlternative(value, leaf.subject)) return true
      return false
    case 'null':
      return resolved === undefined || leaves.some((leaf) => leaf.kind === 'null')
    case 'exists':
      return (resolved !== undefined) === value.expected
    case 'fieldref': {
      const others = view.lookup(value.field).scalars
      return scalars.some((a) =>
        others.some((b) => eventValuesMatch(a.subject, b.subject, value.position)),
      )
    }
  }
}

function missReason(resolved: Resolved | undefined, leaves: Leaf[]): MissReason | undefined {
  if (!resolved) return 'absent'
  if (leaves.every((leaf) => leaf.kind === 'null')) return 'null'
  if (leaves.every((leaf) => leaf.kind !== 'scalar')) return 'type'
  return undefined
}

function valueTrace(source: ValueSource, value: boolean): ValueTrace {
  return { type: 'value', index: source.index, range: source.range, text: source.text, value }
}

/** A miss, with the single value compared (or the field's path when there were several). */
function missTrace(
  source: ValueSource,
  reason: MissReason | undefined,
  resolved: Resolved | undefined,
  scalars: ScalarLeaf[],
): ValueTrace {
  const trace = valueTrace(source, false)
  trace.reason = reason ?? 'differs'
  const only = scalars.length === 1 ? scalars[0] : undefined
  if (resolved) trace.path = only ? only.path : resolved.path
  if (only) trace.actual = only.subject.raw
  else if (resolved && resolved.value === null) trace.actual = null
  return trace
}

function hitTrace(source: ValueSource, path: string, actual: Scalar, variant?: string): ValueTrace {
  const trace = valueTrace(source, true)
  trace.path = path
  trace.actual = actual
  if (variant !== undefined) trace.variant = variant
  return trace
}

/** Explaining path for one value: the same decisions as valueMatches, plus where and why. */
export function explainValue(
  value: CompiledValue,
  source: ValueSource,
  lookup: FieldLookup,
  view: EventView,
): ValueTrace {
  const { resolved, leaves, scalars } = lookup
  switch (value.kind) {
    case 'leaf': {
      for (const { subject, path } of scalars)
        for (const alt of value.alternatives)
          if (alt.test.test(subject)) return hitTrace(source, path, subject.raw, alt.variant)
      const structural = missReason(resolved, leaves)
      const first = scalars[0]
      if (structural || !first) return missTrace(source, structural, resolved, scalars)
      let reason: MissReason = 'differs'
      for (const alt of value.alternatives) {
        const why = alt.test.whyNot(first.subject)
        if (why === 'case') reason = 'case'
        else if (reason === 'differs' && alt === value.alternatives[0]) reason = why
      }
      return missTrace(source, reason, resolved, scalars)
    }
    case 'null': {
      if (!valueMatches(value, lookup, view)) return missTrace(source, 'differs', resolved, scalars)
      return resolved ? hitTrace(source, resolved.path, null) : valueTrace(source, true)
    }
    case 'exists': {
      const trace = valueTrace(source, valueMatches(value, lookup, view))
      if (resolved) trace.path = resolved.path
      if (!trace.value) trace.reason = resolved ? 'differs' : 'absent'
      return trace
    }
    case 'fieldref': {
      const { resolved: other, scalars: others } = view.lookup(value.field)
      for (const a of scalars)
        for (const b of others)
          if (eventValuesMatch(a.subject, b.subject, value.position))
            return hitTrace(source, a.path, a.subject.raw, `${b.path} = ${b.subject.text}`)
      if (!other) return missTrace(source, 'absent', resolved, scalars)
      return missTrace(source, missReason(resolved, leaves), resolved, scalars)
    }
  }
}
