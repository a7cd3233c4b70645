/**
 * The Options panel edits rows of text; the engine wants EngineOptions. These conversions keep
 * the options minimal (nothing set means the default, so share links stay short) and never
 * trust a name: records are built with Object.fromEntries, so `__proto__` is an ordinary key.
 */
import type { EngineOptions, ShapeOverride } from '../../engine/index.ts'

export interface PlaceholderRow {
  id: number
  name: string
  /** Values as typed: one a line, or comma-separated on a single line. */
  text: string
}

export interface MappingRow {
  id: number
  ruleField: string
  eventField: string
}

/** One value a line when there are several lines (values may then hold commas), else commas. */
export function parseValues(text: string): string[] {
  const parts = /[\r\n]/.test(text) ? text.split(/\r?\n|\r/) : text.split(',')
  return parts.map((part) => part.trim()).filter((part) => part !== '')
}

export function formatValues(values: readonly string[]): string {
  if (!values.some((v) => v.includes(','))) return values.join(', ')
  // A lone value with a comma still needs a line break, or it would read back as two values.
  return values.length === 1 ? `${values[0]}\n` : values.join('\n')
}

/** `%Admins%` and `Admins` name the same placeholder. */
export function placeholderName(typed: string): string {
  const name = typed.trim()
  return name.length > 2 && name.startsWith('%') && name.endsWith('%') ? name.slice(1, -1) : name
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined

export function valuesOf(options: EngineOptions, name: string): string[] {
  return own(options.placeholders, name) ?? []
}

export function mappingRows(options: EngineOptions, nextId: () => number): MappingRow[] {
  return Object.entries(options.fieldMap ?? {}).map(([ruleField, eventField]) => ({
    id: nextId(),
    ruleField,
    eventField,
  }))
}

export interface OptionRows {
  placeholders: readonly PlaceholderRow[]
  mappings: readonly MappingRow[]
  flattenEvtx: boolean
  /** A forced event layout; undefined detects it per event. */
  eventShape?: ShapeOverride | undefined
  /** The time field correlations read, as typed; empty reads the usual ones. */
  timeField?: string
  /** Events outside the rule's logsource never match. */
  logsourceOnly?: boolean
}

/** Rows → options; empty names and empty value lists are left out, later rows win. */
export function optionsFromRows(rows: OptionRows): EngineOptions {
  const placeholders = rows.placeholders
    .map((row): [string, string[]] => [placeholderName(row.name), parseValues(row.text)])
    .filter(([name, values]) => name !== '' && values.length > 0)
  const mappings = rows.mappings
    .map((row): [string, string] => [row.ruleField.trim(), row.eventField.trim()])
    .filter(([from, to]) => from !== '' && to !== '')
  const options: EngineOptions = {}
  if (placeholders.length > 0) options.placeholders = Object.fromEntries(placeholders)
  if (mappings.length > 0) options.fieldMap = Object.fromEntries(mappings)
  if (!rows.flattenEvtx) options.flattenEvtx = false
  if (rows.eventShape) options.eventShape = rows.eventShape
  const timeField = rows.timeField?.trim() ?? ''
  if (timeField !== '') options.timeField = timeField
  if (rows.logsourceOnly) options.logsourceOnly = true
  return options
}

/** The options the panel's rows stand for; the others (the Pipeline tab's) pass through. */
const PANEL_KEYS = [
  'placeholders',
  'fieldMap',
  'flattenEvtx',
  'eventShape',
  'timeField',
  'logsourceOnly',
] as const satisfies readonly (keyof EngineOptions)[]

/** `options` with the panel's part replaced by what `rows` say. */
export function mergeRows(options: EngineOptions, rows: OptionRows): EngineOptions {
  const rest: EngineOptions = { ...options }
  for (const key of PANEL_KEYS) delete rest[key]
  return { ...rest, ...optionsFromRows(rows) }
}

/** How many options differ from the defaults, for the button's count. */
export function activeOptionCount(options: EngineOptions): number {
  return (
    Object.keys(options.placeholders ?? {}).length +
    Object.keys(options.fieldMap ?? {}).length +
    (options.flattenEvtx === false ? 1 : 0) +
    (options.eventShape ? 1 : 0) +
    (options.timeField ? 1 : 0) +
    (options.logsourceOnly ? 1 : 0)
  )
}
