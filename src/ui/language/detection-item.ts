/**
 * Finds the detection item (`Field|mods: value(s)`) around an offset of the rule text, with
 * the source range of each value, from the engine's outline of the rule (read on hover only).
 */
import { outlineRule, type OutlineItem } from '../../engine/index.ts'

export interface ItemValue {
  text: string
  start: number
  end: number
}

export interface DetectionItem {
  field: string
  modifiers: string[]
  keyStart: number
  keyEnd: number
  values: ItemValue[]
  /** Index in `values` of the value containing the offset; -1 when it is on the key. */
  valueIndex: number
}

interface Cursor {
  text: string
  offset: number
}

/**
 * The value under the cursor, or else the one alone on the cursor's line (the cursor on a
 * list item's dash or after the value still means that value). -1 when neither.
 */
function valueAt(values: ItemValue[], { text, offset }: Cursor): number {
  const inside = values.findIndex((v) => offset >= v.start && offset <= v.end)
  if (inside >= 0) return inside
  const sameLine = (v: ItemValue) => {
    const from = Math.min(offset, v.start)
    const to = Math.max(offset, v.end)
    return !text.slice(from, to).includes('\n')
  }
  const onLine = values.filter(sameLine)
  return onLine.length === 1 && onLine[0] ? values.indexOf(onLine[0]) : -1
}

function toItem(item: OutlineItem, at: Cursor): DetectionItem | null {
  const values = item.values.map(({ text, range: [start, end] }) => ({ text, start, end }))
  const valueIndex = valueAt(values, at)
  const [keyStart, keyEnd] = item.keyRange ?? [-1, -1]
  const onKey = item.keyRange !== undefined && at.offset >= keyStart && at.offset <= keyEnd
  if (valueIndex < 0 && !onKey) return null
  return { field: item.field, modifiers: item.modifiers, keyStart, keyEnd, values, valueIndex }
}

export function detectionItemAt(text: string, offset: number): DetectionItem | null {
  const at: Cursor = { text, offset }
  for (const item of outlineRule(text)?.items ?? []) {
    const found = toItem(item, at)
    if (found) return found
  }
  return null
}
