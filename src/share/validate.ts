// Field-by-field validation of a decoded payload. Input is untrusted JSON: every record is
// rebuilt from own keys with Object.fromEntries (data properties only), so keys such as
// `__proto__`, `constructor` or `prototype` become ordinary entries and never touch a prototype.
import { SHAPE_OVERRIDES, type EngineOptions, type ShapeOverride } from '../engine/index.ts'
import type { PartialSharedState } from './types.ts'

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const own = (object: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined

function stringListRecord(value: unknown, name: string): Validated<Record<string, string[]>> {
  if (!isPlainObject(value)) return { ok: false, message: `${name} must be an object` }
  const entries: [string, string[]][] = []
  for (const key of Object.keys(value)) {
    const list = value[key]
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      return { ok: false, message: `${name}.${key} must be a list of strings` }
    }
    entries.push([key, [...list] as string[]])
  }
  return { ok: true, value: Object.fromEntries(entries) }
}

function stringRecord(value: unknown, name: string): Validated<Record<string, string>> {
  if (!isPlainObject(value)) return { ok: false, message: `${name} must be an object` }
  const entries: [string, string][] = []
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (typeof item !== 'string') return { ok: false, message: `${name}.${key} must be a string` }
    entries.push([key, item])
  }
  return { ok: true, value: Object.fromEntries(entries) }
}

const OPTION_CHECKS: {
  [K in keyof EngineOptions]-?: (raw: unknown) => Validated<NonNullable<EngineOptions[K]>>
} = {
  placeholders: (raw) => stringListRecord(raw, 'options.placeholders'),
  fieldMap: (raw) => stringRecord(raw, 'options.fieldMap'),
  flattenEvtx: (raw) =>
    typeof raw === 'boolean'
      ? { ok: true, value: raw }
      : { ok: false, message: 'options.flattenEvtx must be true or false' },
  pipelines: (raw) =>
    Array.isArray(raw) && raw.every((item) => typeof item === 'string')
      ? { ok: true, value: [...raw] }
      : { ok: false, message: 'options.pipelines must be a list of pipeline texts' },
  eventShape: (raw) =>
    SHAPE_OVERRIDES.includes(raw as ShapeOverride)
      ? { ok: true, value: raw as ShapeOverride }
      : { ok: false, message: `options.eventShape must be one of ${SHAPE_OVERRIDES.join(', ')}` },
  logsourceOnly: (raw) =>
    typeof raw === 'boolean'
      ? { ok: true, value: raw }
      : { ok: false, message: 'options.logsourceOnly must be true or false' },
  timeField: (raw) =>
    typeof raw === 'string' && raw.trim() !== ''
      ? { ok: true, value: raw }
      : { ok: false, message: 'options.timeField must be a field name' },
}

/**
 * Options carry only the keys that differed from the defaults; `null` means "unset here
 * although the defaults set it" and decodes to an explicit `undefined`.
 */
function validateOptions(value: unknown): Validated<Partial<EngineOptions>> {
  if (!isPlainObject(value)) return { ok: false, message: 'options must be an object' }
  const options: Record<string, unknown> = {}
  for (const [key, check] of Object.entries(OPTION_CHECKS)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue
    const raw = value[key]
    if (raw === null) {
      options[key] = undefined
      continue
    }
    const checked = check(raw)
    if (!checked.ok) return checked
    options[key] = checked.value
  }
  return { ok: true, value: options }
}

const isString =
  (name: string) =>
  (raw: unknown): Validated<string> =>
    typeof raw === 'string'
      ? { ok: true, value: raw }
      : { ok: false, message: `${name} must be a string` }

/** Expectations: event index (a decimal string) → `match` or `nomatch`. */
function validateExpect(value: unknown): Validated<Record<string, 'match' | 'nomatch'>> {
  if (!isPlainObject(value)) return { ok: false, message: 'expect must be an object' }
  const entries: [string, 'match' | 'nomatch'][] = []
  for (const key of Object.keys(value)) {
    const mark = value[key]
    if (!/^(0|[1-9]\d{0,8})$/.test(key))
      return { ok: false, message: 'expect keys must be event indices' }
    if (mark !== 'match' && mark !== 'nomatch')
      return { ok: false, message: `expect.${key} must be "match" or "nomatch"` }
    entries.push([key, mark])
  }
  return { ok: true, value: Object.fromEntries(entries) }
}

/**
 * One line per field a link or draft may carry. A new optional field of the shared state is one
 * more line here; the type makes a missing line a compile error.
 */
const FIELD_CHECKS: {
  [K in keyof PartialSharedState]-?: (raw: unknown) => Validated<NonNullable<PartialSharedState[K]>>
} = {
  rule: isString('rule'),
  events: isString('events'),
  selected: (raw) =>
    typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
      ? { ok: true, value: raw }
      : { ok: false, message: 'selected must be a non-negative integer' },
  options: validateOptions,
  expect: validateExpect,
}

/** Unknown top-level keys are ignored; a known key of the wrong type rejects the payload. */
export function validatePayload(payload: unknown): Validated<PartialSharedState> {
  if (!isPlainObject(payload)) return { ok: false, message: 'the payload must be a JSON object' }
  const state: Record<string, unknown> = {}
  for (const [key, check] of Object.entries(FIELD_CHECKS)) {
    const raw = own(payload, key)
    if (raw === undefined) continue
    const checked = check(raw)
    if (!checked.ok) return checked
    state[key] = checked.value
  }
  return { ok: true, value: state }
}
