/**
 * The one modifier registry: name → family, accepted value kinds, placement rules and the
 * transformation. Order and compatibility are judged from these entries in check-modifiers.ts
 * and pipeline.ts, nowhere else.
 */
import { COMPARE_OPS, TIME_PARTS } from './compare.ts'
import { parseCidr } from './cidr.ts'
import { base64, base64offset, utf16be, utf16WithBom, wide } from './encodings.ts'
import { REGEX_FLAG_MODIFIERS, regexValue } from './re.ts'
import { cased, contains, endswith, startswith } from './strings.ts'
import type { Alternative, Refusal, SigmaString, TypedValue, ValueKind } from './typed-value.ts'
import { refuse } from './typed-value.ts'
import { windash } from './windash.ts'
import { hasWildcard } from '../match/glob.ts'

export type ModifierFamily =
  | 'string'
  | 'encoding'
  | 'windash'
  | 'cidr'
  | 're'
  | 'reflag'
  | 'compare'
  | 'time'
  | 'exists'
  | 'fieldref'
  | 'expand'
  | 'list'

export interface ModifierDef {
  name: string
  family: ModifierFamily
  /** Value kinds the modifier takes; anything else is MODIFIER_TYPE. */
  accepts: readonly ValueKind[]
  /** pySigma: "only applicable to unmodified values" (only list modifiers may precede it). */
  mustBeFirst?: boolean
  /** Needs a field: refused on keyword items. */
  fieldBound?: boolean
  /** Absent for modifiers that act on the item as a whole (all, neq) or before the chain (expand). */
  apply?: (value: TypedValue) => TypedValue | Alternative[] | Refusal
}

type Positional = 'contains' | 'startswith' | 'endswith'

function positional(name: Positional, addStars: typeof contains): ModifierDef {
  return {
    name,
    family: 'string',
    accepts: ['string', 'regex', 'fieldref'],
    apply: (v) => {
      if (v.kind === 'string') return addStars(v)
      // Under search semantics a regex needs no `.*` padding.
      if (v.kind === 'regex') return v
      if (v.kind === 'fieldref' && v.position === 'equals') return { ...v, position: name }
      return refuse(
        'MODIFIER_ORDER',
        `${name} cannot follow another position modifier on a field reference`,
      )
    },
  }
}

/** A modifier that transforms string values only (the pipeline refuses other kinds first). */
function onStrings(
  name: string,
  family: ModifierFamily,
  transform: (value: SigmaString) => TypedValue | Alternative[] | Refusal,
): ModifierDef {
  return {
    name,
    family,
    accepts: ['string'],
    apply: (v) => (v.kind === 'string' ? transform(v) : v),
  }
}

const defs: ModifierDef[] = [
  positional('contains', contains),
  positional('startswith', startswith),
  positional('endswith', endswith),
  { name: 'all', family: 'list', accepts: anyKind() },
  { name: 'neq', family: 'list', accepts: anyKind() },
  { name: 'expand', family: 'expand', accepts: ['string', 'regex'] },
  onStrings('cased', 'string', cased),
  onStrings('windash', 'windash', windash),
  onStrings('base64', 'encoding', base64),
  onStrings('base64offset', 'encoding', base64offset),
  ...['wide', 'utf16le'].map((name) => onStrings(name, 'encoding', wide)),
  onStrings('utf16be', 'encoding', utf16be),
  onStrings('utf16', 'encoding', utf16WithBom),
  {
    name: 're',
    family: 're',
    accepts: ['string'],
    mustBeFirst: true,
    apply: (v) => (v.kind === 'string' && v.raw !== undefined ? regexValue(v.raw) : v),
  },
  ...Object.entries(REGEX_FLAG_MODIFIERS).map(([name, flag]): ModifierDef => ({
    name,
    family: 'reflag',
    accepts: ['regex'],
    apply: (v) =>
      v.kind === 'regex' && !v.flags.includes(flag) ? { ...v, flags: v.flags + flag } : v,
  })),
  {
    name: 'cidr',
    family: 'cidr',
    accepts: ['string'],
    mustBeFirst: true,
    fieldBound: true,
    apply: (v) => (v.kind === 'string' && v.raw !== undefined ? parseCidr(v.raw) : v),
  },
  {
    name: 'exists',
    family: 'exists',
    accepts: ['boolean'],
    mustBeFirst: true,
    fieldBound: true,
    apply: (v) => (v.kind === 'boolean' ? { kind: 'exists', value: v.value } : v),
  },
  {
    name: 'fieldref',
    family: 'fieldref',
    accepts: ['string'],
    mustBeFirst: true,
    fieldBound: true,
    apply: (v) => {
      if (v.kind !== 'string' || v.raw === undefined) return v
      if (hasWildcard(v.tokens))
        return refuse('BAD_VALUE', 'Field references must not contain wildcards', 'value')
      return { kind: 'fieldref', field: v.raw, position: 'equals' }
    },
  },
  ...COMPARE_OPS.map((op): ModifierDef => ({
    name: op,
    family: 'compare',
    accepts: ['number', 'compare'],
    fieldBound: true,
    apply: (v) => {
      if (v.kind === 'number') return { kind: 'compare', op, value: v.value }
      if (v.kind === 'compare' && v.part && v.op === 'eq') return { ...v, op }
      return refuse('MODIFIER_ORDER', `${op} cannot follow another comparison`)
    },
  })),
  ...TIME_PARTS.map((part): ModifierDef => ({
    name: part,
    family: 'time',
    accepts: ['number'],
    fieldBound: true,
    apply: (v) => (v.kind === 'number' ? { kind: 'compare', op: 'eq', value: v.value, part } : v),
  })),
]

function anyKind(): ValueKind[] {
  return ['string', 'number', 'boolean', 'null', 'regex', 'cidr', 'fieldref', 'compare', 'exists']
}

const registry = new Map<string, ModifierDef>(defs.map((def) => [def.name, def]))

export function getModifier(name: string): ModifierDef | undefined {
  return registry.get(name)
}

export function modifierNames(): string[] {
  return [...registry.keys()]
}
