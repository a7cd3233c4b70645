/**
 * An event as the flat field → value pairs a rule author reads, as the engine reads the event:
 * out of its export's envelope, Windows event-log JSON and Winlogbeat by the names rules use
 * (`Image`, not `Event.EventData.Image` or `winlog.event_data.Image`), other JSON by dotted
 * paths, and a Security 4688's NewProcessName also as Image. Only scalar values count; a list
 * gives one pair per scalar element.
 */
import { isObject } from '../json-object.ts'
import { detectShape, readsFlat } from '../events/shapes.ts'
import { EventView } from '../match/prepare-event.ts'
import type { EventReading } from '../types.ts'
import { ALIASED_FIELDS, isProcessStartAudit } from '../match/process-aliases.ts'

export type FieldPairs = [field: string, value: string][]

/** The keys whose contents the flat names stand for (event-log JSON, Winlogbeat). */
const FLATTENED = new Set(['Event', 'winlog'])

/** Deep objects stop here: nobody filters on the 40th level, and the walk stays bounded. */
const MAX_DEPTH = 8

/**
 * Receives each field → value pair of an event, in order. Numbers and booleans come as they
 * are (their text is `String(value)`): the field index interns them without making the text.
 */
export type FieldVisitor = (field: string, value: string | number | boolean) => void

function visitScalar(visit: FieldVisitor, field: string, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    visit(field, value)
}

function visitValue(visit: FieldVisitor, field: string, value: unknown, depth: number): void {
  if (Array.isArray(value)) {
    for (const item of value) visitScalar(visit, field, item)
  } else if (isObject(value)) {
    if (depth >= MAX_DEPTH) return
    for (const key of Object.keys(value))
      visitValue(visit, field ? `${field}.${key}` : key, value[key], depth + 1)
  } else visitScalar(visit, field, value)
}

/**
 * Walks an event's pairs without building them (the field index interns them as they come),
 * named as `reading` reads the event (with no flattening, Event.EventData.Image stays so).
 */
export function visitFields(raw: unknown, visit: FieldVisitor, reading: EventReading = {}): void {
  const flatten = reading.flattenEvtx !== false
  const shape = detectShape(raw, reading.eventShape, flatten)
  // Most events are read as they are and alias nothing: walked with no view made for them.
  if (readsFlat(shape.body) && !namesProcessStart(shape.value))
    return visitValue(visit, '', shape.value, 0)
  visitViewFields(new EventView(raw, flatten, reading.eventShape, shape), visit)
}

/** The same over an event already read (the rule's own view of it). */
function visitViewFields(view: EventView, visit: FieldVisitor): void {
  const table = view.flatFields()
  const body = view.shape.value
  if (!table || !isObject(body)) visitValue(visit, '', body, 0)
  else {
    for (const [name, resolved] of table) visitValue(visit, name, resolved.value, MAX_DEPTH - 1)
    // What sits beside the log's own data (host.name, agent.*) goes by its dotted path.
    for (const key of Object.keys(body))
      if (!FLATTENED.has(key)) visitValue(visit, key, body[key], 1)
  }
  // Fields the event answers under another name of its own (process-aliases.ts).
  for (const name of ALIASED_FIELDS) {
    const aliased = view.aliased(name)
    if (aliased) visitValue(visit, name, aliased.value, MAX_DEPTH - 1)
  }
}

/** Whether a flat event is a Security 4688 by its own keys: only such answer aliases. */
const namesProcessStart = (body: unknown): boolean =>
  isObject(body) &&
  isProcessStartAudit((name) => (Object.hasOwn(body, name) ? body[name] : undefined))

export function eventFields(raw: unknown, reading: EventReading = {}): FieldPairs {
  const out: FieldPairs = []
  visitFields(raw, (field, value) => out.push([field, String(value)]), reading)
  return out
}

/** The names of an event as a rule's view reads it (its options' flattening and layout). */
export function viewFieldNames(view: EventView): string[] {
  const names: string[] = []
  visitViewFields(view, (field) => names.push(field))
  return names
}

/** The first value of a field, or undefined. */
export function fieldValue(pairs: FieldPairs, field: string): string | undefined {
  for (const [name, value] of pairs) if (name === field) return value
  return undefined
}
