/**
 * Finds the detection item (`Field|mods: value(s)`) around an offset of the rule text, with
 * the source range of each value. Used on hover only, so parsing the rule here is cheap.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml'
import type { Node, Pair } from 'yaml'

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

function scalarValues(node: unknown): ItemValue[] {
  const nodes = isSeq(node) ? node.items : [node]
  const values: ItemValue[] = []
  for (const item of nodes) {
    if (!isScalar(item) || !item.range) continue
    const value: unknown = item.value
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      values.push({
        text: String(value),
        start: item.range[0],
        end: item.range[1],
      })
    }
  }
  return values
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

function toItem(pair: Pair<unknown, unknown>, at: Cursor): DetectionItem | null {
  const key = pair.key
  if (!isScalar(key) || !key.range || typeof key.value !== 'string') return null
  const values = scalarValues(pair.value)
  const [keyStart, keyEnd] = key.range
  const valueIndex = valueAt(values, at)
  const onKey = at.offset >= keyStart && at.offset <= keyEnd
  if (valueIndex < 0 && !onKey) return null
  const [field = '', ...modifiers] = key.value.split('|')
  return { field, modifiers, keyStart, keyEnd, values, valueIndex }
}

/** Keyword lists (`keywords: [a, b]`) become an item with no field and no modifiers. */
function keywordItem(node: Node, at: Cursor): DetectionItem | null {
  if (!isSeq(node)) return null
  const values = scalarValues(node)
  const valueIndex = valueAt(values, at)
  if (valueIndex < 0) return null
  return { field: '', modifiers: [], keyStart: -1, keyEnd: -1, values, valueIndex }
}

export function detectionItemAt(text: string, offset: number): DetectionItem | null {
  let found: DetectionItem | null = null
  const at: Cursor = { text, offset }
  try {
    const doc = parseDocument(text, { uniqueKeys: false, strict: false })
    if (!isMap(doc.contents)) return null
    const detection = doc.contents.items.find(
      (pair) => isScalar(pair.key) && pair.key.value === 'detection',
    )
    if (!detection || !isMap(detection.value)) return null
    for (const search of detection.value.items) {
      if (isScalar(search.key) && search.key.value === 'condition') continue
      if (isSeq(search.value)) found ??= keywordItem(search.value, at)
      visit(search.value, {
        Pair(_, pair) {
          if (found) return visit.BREAK
          if (isPair(pair)) found = toItem(pair, at)
          return found ? visit.BREAK : undefined
        },
      })
      if (found) break
    }
  } catch {
    // Hover must never fail on a half-typed rule.
    return null
  }
  return found
}
