/**
 * An event as the flat field → value pairs a rule author reads: Windows event-log JSON by the
 * names rules use (`Image`, not `Event.EventData.Image`), other JSON by dotted paths. Only
 * scalar values count; a list gives one pair per scalar element.
 */
import { isObject } from '../json-object.ts'
import { flattenEvtx } from '../match/evtx-flatten.ts'

export type FieldPairs = [field: string, value: string][]

/** Deep objects stop here: nobody filters on the 40th level, and the walk stays bounded. */
const MAX_DEPTH = 8

function addScalar(out: FieldPairs, field: string, value: unknown): void {
  if (typeof value === 'string') out.push([field, value])
  else if (typeof value === 'number' || typeof value === 'boolean') out.push([field, String(value)])
}

function addValue(out: FieldPairs, field: string, value: unknown, depth: number): void {
  if (Array.isArray(value)) {
    for (const item of value) addScalar(out, field, item)
  } else if (isObject(value)) {
    if (depth >= MAX_DEPTH) return
    for (const key of Object.keys(value))
      addValue(out, field ? `${field}.${key}` : key, value[key], depth + 1)
  } else addScalar(out, field, value)
}

export function eventFields(raw: unknown, flatten = true): FieldPairs {
  const out: FieldPairs = []
  const table = flatten ? flattenEvtx(raw) : undefined
  if (table) {
    for (const [name, resolved] of table) addValue(out, name, resolved.value, MAX_DEPTH - 1)
    return out
  }
  addValue(out, '', raw, 0)
  return out
}

/** The first value of a field, or undefined. */
export function fieldValue(pairs: FieldPairs, field: string): string | undefined {
  for (const [name, value] of pairs) if (name === field) return value
  return undefined
}
