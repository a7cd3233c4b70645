/**
 * One rule value of an item, compiled: an OR of leaf-test alternatives (expansions), or one
 * of the whole-field tests (null, exists, fieldref). Both the fast and the explaining path
 * use these functions, so they cannot disagree.
 */
import type { MissReason, Range, Scalar, ValueTrace } from '../types.ts'
import { parseDecimal } from '../modifiers/compare.ts'
import type { Resolved } from './evtx-flatten.ts'
import type { LeafTest } from './leaf-tests.ts'
import type { EventView } from './prepare-event.ts'
import type { Leaf, Subject } from './subject.ts'
import { collectLeaves } from './subject.ts'

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

/** Leaves of a resolved field; a lone string (the common case) skips the generic walk. */
export function leavesOf(resolved: Resolved | undefined): Leaf[] {
  if (!resolved) return []
  return collectLeaves(resolved.value, resolved.path)
}

function anyAlternative(
  value: Extract<CompiledValue, { kind: 'leaf' }>,
  subject: Subject,
): boolean {
  for (const alt of value.alternatives) if (alt.test.test(subject)) return true
  return false
}

function numberOf(s: Subject): number | undefined {
  return typeof s.raw === 'number'
    ? s.raw
    : typeof s.raw === 'string'
      ? parseDecimal(s.raw)
      : undefined
}

/** Two event values compared as §2.3 says (numbers numerically, everything else as folded text). */
export function eventValuesMatch(a: Subject, b: Subject, position: FieldrefPosition): boolean {
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

function scalarSubjects(leaves: Leaf[]): { subject: Subject; path: string }[] {
  const out: { subject: Subject; path: string }[] = []
  for (const leaf of leaves) if (leaf.kind === 'scalar') out.push(leaf)
  return out
}

/** Fast path for one value; `leaves` are the field's leaves, computed once per item test. */
export function valueMatches(
  value: CompiledValue,
  resolved: Resolved | undefined,
  leaves: Leaf[],
  view: EventView,
): boolean {
  switch (value.kind) {
    case 'leaf':
      for (const leaf of leaves)
        if (leaf.kind === 'scalar' && anyAlternative(value, leaf.subject)) return true
      return false
    case 'null':
      return resolved === undefined || leaves.some((leaf) => leaf.kind === 'null')
    case 'exists':
      return (resolved !== undefined) === value.expected
    case 'fieldref': {
      const others = scalarSubjects(leavesOf(view.resolve(value.field)))
      return scalarSubjects(leaves).some((a) =>
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

/** Explaining path for one value: never short-circuits across the field's leaves' outcome. */
export function explainValue(
  value: CompiledValue,
  source: ValueSource,
  resolved: Resolved | undefined,
  leaves: Leaf[],
  view: EventView,
): ValueTrace {
  const base: ValueTrace = {
    type: 'value',
    index: source.index,
    range: source.range,
    text: source.text,
    value: false,
  }
  const scalars = scalarSubjects(leaves)
  const firstScalar = scalars[0]
  const describeMiss = (reason: MissReason | undefined): ValueTrace => {
    const trace: ValueTrace = { ...base, reason: reason ?? 'differs' }
    if (resolved)
      trace.path = scalars.length === 1 && firstScalar ? firstScalar.path : resolved.path
    if (scalars.length === 1 && firstScalar) trace.actual = firstScalar.subject.raw
    else if (resolved && resolved.value === null) trace.actual = null
    return trace
  }
  switch (value.kind) {
    case 'leaf': {
      for (const { subject, path } of scalars)
        for (const alt of value.alternatives)
          if (alt.test.test(subject))
            return withVariant({ ...base, value: true, path, actual: subject.raw }, alt.variant)
      const structural = missReason(resolved, leaves)
      if (structural || !firstScalar) return describeMiss(structural)
      const reasons = value.alternatives.map((alt) => alt.test.whyNot(firstScalar.subject))
      return describeMiss(reasons.includes('case') ? 'case' : (reasons[0] ?? 'differs'))
    }
    case 'null': {
      const ok = valueMatches(value, resolved, leaves, view)
      if (!ok) return describeMiss('differs')
      return resolved
        ? { ...base, value: true, path: resolved.path, actual: null }
        : { ...base, value: true }
    }
    case 'exists': {
      const ok = valueMatches(value, resolved, leaves, view)
      const trace: ValueTrace = { ...base, value: ok }
      if (resolved) trace.path = resolved.path
      if (!ok) trace.reason = resolved ? 'differs' : 'absent'
      return trace
    }
    case 'fieldref': {
      const other = view.resolve(value.field)
      const others = scalarSubjects(leavesOf(other))
      for (const a of scalars)
        for (const b of others)
          if (eventValuesMatch(a.subject, b.subject, value.position))
            return {
              ...base,
              value: true,
              path: a.path,
              actual: a.subject.raw,
              variant: `${b.path} = ${b.subject.text}`,
            }
      if (!other) return describeMiss('absent')
      return describeMiss(missReason(resolved, leaves))
    }
  }
}

function withVariant(trace: ValueTrace, variant: string | undefined): ValueTrace {
  if (variant !== undefined) trace.variant = variant
  return trace
}

export function scalarText(value: Scalar): string {
  return value === null ? 'null' : String(value)
}
