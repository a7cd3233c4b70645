/**
 * Applies an item's modifiers, left to right, to each of its values (§4.1). Name and
 * placement problems are found once per item (checkModifiers); type problems per value
 * (applyModifiers), because they depend on the value (`gt: '10'`, `exists: 'yes'`).
 */
import type { Diagnostic, DiagnosticCode, EngineOptions, Range, Scalar } from '../types.ts'
import { expandPlaceholders } from './expand.ts'
import type { ModifierDef } from './registry.ts'
import { getModifier, modifierNames } from './registry.ts'
import { nearestName } from '../edit-distance.ts'
import { plainString } from './strings.ts'
import type { Alternative, TypedValue } from './typed-value.ts'
import { isRefusal } from './typed-value.ts'

export interface ModifierRef {
  name: string
  range: Range
}

export interface CheckedModifier extends ModifierRef {
  def: ModifierDef
}

function diag(code: DiagnosticCode, message: string, range: Range): Diagnostic {
  return { code, severity: 'error', message, range }
}

export function checkModifiers(
  modifiers: readonly ModifierRef[],
  keyword: boolean,
): { checked: CheckedModifier[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const checked: CheckedModifier[] = []
  let transformed = false
  for (const mod of modifiers) {
    const def = getModifier(mod.name)
    if (!def) {
      const near = nearestName(mod.name, modifierNames())
      const hint = near ? `: did you mean '${near}'?` : ''
      diagnostics.push({
        ...diag('UNKNOWN_MODIFIER', `Unknown modifier '${mod.name}'${hint}`, mod.range),
        ...(near && { suggestion: near }),
      })
      continue
    }
    if (def.mustBeFirst && transformed)
      diagnostics.push(
        diag(
          'MODIFIER_ORDER',
          `The ${mod.name} modifier only applies to unmodified values: put it first`,
          mod.range,
        ),
      )
    if (def.fieldBound && keyword)
      diagnostics.push(
        diag('MODIFIER_TYPE', `The ${mod.name} modifier must be applied to a field`, mod.range),
      )
    if (def.family !== 'list' && def.family !== 'expand') transformed = true
    checked.push({ name: mod.name, range: mod.range, def })
  }
  return { checked, diagnostics }
}

function initialValue(value: Scalar): TypedValue {
  if (typeof value === 'string') return plainString(value)
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  return { kind: 'null' }
}

const shown = (value: Scalar) => (typeof value === 'string' ? `'${value}'` : String(value))

/** Runs the checked modifiers over one value; diagnostics carry the modifier or value range. */
export function applyModifiers(
  checked: readonly CheckedModifier[],
  value: Scalar,
  valueRange: Range,
  options: EngineOptions,
): { alternatives?: Alternative[]; diagnostics: Diagnostic[] } {
  let alternatives: Alternative[] = [{ value: initialValue(value) }]
  const expand = checked.some((m) => m.def.family === 'expand')
  if (expand && typeof value === 'string') {
    const target = checked[0]?.def.family === 're' ? 'regex' : 'string'
    const { expansions, unresolved } = expandPlaceholders(value, options.placeholders ?? {}, target)
    if (unresolved.length > 0) {
      const names = unresolved.map((n) => `%${n}%`).join(', ')
      return {
        diagnostics: [
          diag('UNRESOLVED_PLACEHOLDER', `No values given for placeholder ${names}`, valueRange),
        ],
      }
    }
    alternatives = expansions.map((e) => ({ value: plainString(e.text), variant: e.variant }))
  }
  for (const mod of checked) {
    const { def } = mod
    if (!def.apply && def.family !== 'expand' && def.family !== 'list') continue
    const next: Alternative[] = []
    for (const alt of alternatives) {
      if (!def.accepts.includes(alt.value.kind)) {
        const message = `Modifier ${mod.name} is incompatible with the value ${shown(value)} (${describeKind(alt.value)})`
        return { diagnostics: [diag('MODIFIER_TYPE', message, mod.range)] }
      }
      if (!def.apply) {
        next.push(alt)
        continue
      }
      const out = def.apply(alt.value)
      if (isRefusal(out))
        return {
          diagnostics: [diag(out.code, out.message, out.at === 'value' ? valueRange : mod.range)],
        }
      if (Array.isArray(out)) {
        for (const sub of out)
          next.push({ value: sub.value, variant: joinVariants(alt.variant, sub.variant) })
      } else {
        next.push({ value: out, variant: alt.variant })
      }
    }
    alternatives = next
  }
  return { alternatives, diagnostics: [] }
}

function joinVariants(a: string | undefined, b: string | undefined): string | undefined {
  if (a && b) return `${a}; ${b}`
  return a ?? b
}

function describeKind(value: TypedValue): string {
  switch (value.kind) {
    case 'string':
      return 'a string'
    case 'number':
      return 'a number: quote it to use it as text'
    case 'boolean':
      return 'a boolean'
    case 'null':
      return 'null'
    case 'regex':
      return 'a regular expression'
    case 'cidr':
      return 'a network'
    case 'fieldref':
      return 'a field reference'
    case 'compare':
      return 'a comparison'
    case 'exists':
      return 'an existence test'
  }
}
