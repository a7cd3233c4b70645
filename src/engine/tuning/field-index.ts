/**
 * Every event's field → value pairs, interned once per events text: each field name and each
 * distinct value of a field gets a number, and the pairs are kept as two flat typed columns.
 * Top values then count numbers in typed arrays for each view instead of hashing strings, and
 * no view change walks the events' JSON again.
 */
import { visitFields } from './event-fields.ts'
import { STEP_ITEMS, type Steps } from './steps.ts'
import type { EventReading } from '../types.ts'

export interface FieldIndex {
  /** Field id → name. */
  fields: string[]
  /** Per field id: value id → value. */
  values: string[][]
  /** Event `e`'s pairs are `offsets[e]` up to `offsets[e + 1]` in the two columns. */
  offsets: Uint32Array
  pairField: Uint32Array
  pairValue: Uint32Array
}

/** A Uint32Array that doubles as it fills. */
class Column {
  data = new Uint32Array(1024)
  length = 0
  push(n: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = n
  }
  trimmed(): Uint32Array {
    return this.data.subarray(0, this.length)
  }
}

/** The index of `count` events, yielding how many were indexed now and then (see steps.ts). */
export function* fieldIndexSteps(
  count: number,
  valueOf: (index: number) => unknown,
  reading: EventReading = {},
): Steps<FieldIndex> {
  const fields: string[] = []
  const values: string[][] = []
  const fieldIds = new Map<string, number>()
  // Per field: value text → id, and numbers and booleans → the id of their text.
  const textIds: Map<string, number>[] = []
  const scalarIds: Map<number | boolean, number>[] = []
  const offsets = new Uint32Array(count + 1)
  const pairField = new Column()
  const pairValue = new Column()
  // Events of one source list their fields in the same order: the field at the same position
  // in the event before is tried first, before the name is looked up.
  const previous: number[] = []
  let position = 0
  const fieldId = (field: string): number => {
    const guess = previous[position]
    if (guess !== undefined && fields[guess] === field) return guess
    let f = fieldIds.get(field)
    if (f === undefined) {
      f = fields.push(field) - 1
      fieldIds.set(field, f)
      values.push([])
      textIds.push(new Map())
      scalarIds.push(new Map())
    }
    previous[position] = f
    return f
  }
  const textId = (f: number, text: string): number => {
    const ids = textIds[f] as Map<string, number>
    let v = ids.get(text)
    if (v === undefined) {
      v = (values[f] as string[]).push(text) - 1
      ids.set(text, v)
    }
    return v
  }
  const visit = (field: string, value: string | number | boolean) => {
    const f = fieldId(field)
    position++
    let v: number
    if (typeof value === 'string') v = textId(f, value)
    else {
      const ids = scalarIds[f] as Map<number | boolean, number>
      const known = ids.get(value)
      v = known ?? textId(f, String(value))
      if (known === undefined) ids.set(value, v)
    }
    pairField.push(f)
    pairValue.push(v)
  }
  for (let e = 0; e < count; e++) {
    if (e > 0 && e % STEP_ITEMS === 0) yield e
    offsets[e] = pairField.length
    position = 0
    visitFields(valueOf(e), visit, reading)
  }
  offsets[count] = pairField.length
  return { fields, values, offsets, pairField: pairField.trimmed(), pairValue: pairValue.trimmed() }
}
