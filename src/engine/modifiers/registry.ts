/**
 * The one modifier registry: name → family, accepted value kinds, placement rules, the usual
 * next modifiers and the transformation. Order and compatibility are judged from these entries
 * in check-modifiers.ts and pipeline.ts, nowhere else; the lints and the editor's lists read
 * their facts from here (modifierFacts).
 */
import { COMPARE_OPS, TIME_PARTS } from './compare.ts'
import { MODIFIER_DOCS } from './docs.ts'
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
  /** The modifiers that usually come next in a legal chain (completion offers them first). */
  next?: readonly string[]
  /** Places the value in the field (contains, startswith, endswith): wildcards are added. */
  position?: boolean
  /** The spelled-out name of a shorter modifier (`ignorecase` for `i`). */
  aliasOf?: string
}

/** What the lints and the editor need to know of a modifier, without its transformation. */
export interface ModifierFacts {
  name: string
  family: ModifierFamily
  next: readonly string[]
  position: boolean
  aliasOf?: string
  /** Its values are rewritten before matching (encodings, windash, cidr): worth showing. */
  expands: boolean
  /** One line on what it does, and an example using it (an alias has its target's). */
  summary: string
  example: string
}

const STRING_NEXT = ['cased', 'windash', 'neq']
const POSITION_NEXT = ['contains', 'startswith', 'endswith']
const ENCODING_NEXT = ['base64offset', 'base64']

type Positional = 'contains' | 'startswith' | 'endswith'

function positional(
  name: Positional,
  addStars: typeof contains,
  next: readonly string[],
): ModifierDef {
  return {
    name,
    family: 'string',
    accepts: ['string', 'regex', 'fieldref'],
    position: true,
    next,
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
  next?: readonly string[],
): ModifierDef {
  return {
    name,
    family,
    accepts: ['string'],
    ...(next ? { next } : {}),
    apply: (v) => (v.kind === 'string' ? transform(v) : v),
  }
}

const defs: ModifierDef[] = [
  positional('contains', contains, ['all', 'windash', 'cased', 'neq']),
  positional('startswith', startswith, STRING_NEXT),
  positional('endswith', endswith, STRING_NEXT),
  { name: 'all', family: 'list', accepts: anyKind() },
  { name: 'neq', family: 'list', accepts: anyKind() },
  { name: 'expand', family: 'expand', accepts: ['string', 'regex'] },
  onStrings('cased', 'string', cased),
  onStrings('windash', 'windash', windash, [...POSITION_NEXT, 'all']),
  onStrings('base64', 'encoding', base64, POSITION_NEXT),
  onStrings('base64offset', 'encoding', base64offset, ['contains']),
  ...['wide', 'utf16le'].map((name) => onStrings(name, 'encoding', wide, ENCODING_NEXT)),
  onStrings('utf16be', 'encoding', utf16be, ENCODING_NEXT),
  onStrings('utf16', 'encoding', utf16WithBom, ENCODING_NEXT),
  {
    name: 're',
    family: 're',
    accepts: ['string'],
    mustBeFirst: true,
    next: ['i', 'm', 's'],
    apply: (v) => (v.kind === 'string' && v.raw !== undefined ? regexValue(v.raw) : v),
  },
  ...Object.entries(REGEX_FLAG_MODIFIERS).map(([name, flag]): ModifierDef => ({
    name,
    family: 'reflag',
    accepts: ['regex'],
    next: ['i', 'm', 's'].filter((other) => other !== flag),
    ...(name === flag ? {} : { aliasOf: flag }),
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
    next: [...POSITION_NEXT, 'neq'],
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
    next: COMPARE_OPS,
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

/** The names of the modifiers whose definition passes `test`, aliases included. */
export function modifiersWhere(test: (def: ModifierDef) => boolean): string[] {
  return defs.filter(test).map((def) => def.name)
}

/** The modifiers of these families, aliases included: facts without the words of docs.ts. */
export function modifiersIn(families: readonly ModifierFamily[]): string[] {
  return modifiersWhere((def) => families.includes(def.family))
}

const EXPANDING: readonly ModifierFamily[] = ['encoding', 'windash', 'cidr']

/**
 * Every modifier's facts and words, in the catalogue order of docs.ts (the editor's order).
 * A modifier without words is a registry entry docs.ts forgot: a test holds them together.
 */
export function modifierFacts(): ModifierFacts[] {
  // Made here, not on load: then a bundle that never asks (the worker's) leaves the words out.
  const docsByName = new Map(MODIFIER_DOCS.map((doc) => [doc.name, doc]))
  const rank = (def: ModifierDef) => {
    const at = MODIFIER_DOCS.findIndex((doc) => doc.name === (def.aliasOf ?? def.name))
    return at < 0 ? MODIFIER_DOCS.length : at
  }
  return [...defs]
    .sort((a, b) => rank(a) - rank(b))
    .map((def) => {
      const doc = docsByName.get(def.aliasOf ?? def.name)
      return {
        name: def.name,
        family: def.family,
        next: def.next ?? [],
        position: def.position === true,
        ...(def.aliasOf ? { aliasOf: def.aliasOf } : {}),
        expands: EXPANDING.includes(def.family),
        summary: doc?.summary ?? '',
        example: doc?.example ?? '',
      }
    })
}
