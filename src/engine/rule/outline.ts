/**
 * A plain, serialisable outline of a rule: the detection's items with their fields, modifiers,
 * values and source ranges, and the logsource. Readers outside the engine (the editor's hover,
 * the worker's slow-part probe) use this instead of parsing the rule again. Built from the
 * engine's own parse, so it sees the text exactly as the compiler does, half-typed or not.
 */
import { Document, isMap, isNode, isScalar, isSeq, type Pair } from 'yaml'
import type { Range } from '../types.ts'
import { parseYaml, type YamlDocument } from '../yaml/parse.ts'
import { asMap, findPair, isEmptyDocument, keyText, nodeRange } from '../yaml/nodes.ts'

export interface OutlineValue {
  /** The value as YAML read it, as text (`5`, `true`, `C:\x`). */
  text: string
  range: Range
}

export interface OutlineItem {
  /** The search identifier holding the item. */
  identifier: string
  /** `Field|mod|mod` as written; `keywords` for an identifier's keyword values. */
  key: string
  /** The field, or '' for keywords. */
  field: string
  modifiers: string[]
  /** Where the key is written; absent for keywords. */
  keyRange?: Range
  /** From the key (or the first keyword) to the end of the value. */
  range: Range
  values: OutlineValue[]
  /** The item's value as plain data: what a rule holding only this item would say. */
  value: unknown
}

export interface RuleOutline {
  logsource: Record<string, unknown>
  items: OutlineItem[]
}

/** Aliases expanded for plain data, as pySigma's YAML reader allows them, and no more. */
const MAX_ALIASES = 100

/** The outline of the first document holding a `detection` map; undefined when there is none. */
export function outlineRule(text: string): RuleOutline | undefined {
  return outlineOf(parseYaml(text).documents)
}

/** outlineRule over documents already parsed. */
export function outlineOf(documents: readonly YamlDocument[]): RuleOutline | undefined {
  for (const document of documents) {
    if (isEmptyDocument(document.contents)) continue
    const root = asMap(document.contents)
    const detection = root && asMap(findPair(root, 'detection')?.value)
    if (!root || !detection) continue
    const logsource = plainOf(findPair(root, 'logsource')?.value, document)
    return {
      logsource: isRecord(logsource) ? logsource : {},
      items: detection.items.flatMap((pair) => searchItems(pair, document)),
    }
  }
  return undefined
}

/** The plain data a node stands for; undefined past the alias limit (a bomb). */
export function plainOf(node: unknown, document: YamlDocument): unknown {
  if (!isNode(node)) return node ?? null
  try {
    return node.toJS(document.doc ?? new Document(), { maxAliasCount: MAX_ALIASES }) as unknown
  } catch {
    return undefined
  }
}

const NOT_SEARCHES = new Set(['condition', 'timeframe'])

function searchItems(pair: Pair<unknown, unknown>, document: YamlDocument): OutlineItem[] {
  const identifier = keyText(pair)
  if (NOT_SEARCHES.has(identifier)) return []
  const entries = isSeq(pair.value) ? pair.value.items : [pair.value]
  const items: OutlineItem[] = []
  const keywords: unknown[] = []
  for (const entry of entries) {
    if (isMap(entry)) {
      for (const item of entry.items) items.push(fieldItem(identifier, item, document))
    } else if (isScalar(entry)) keywords.push(entry)
  }
  if (keywords.length > 0) {
    const values = keywords.flatMap(valueOf)
    items.push({
      identifier,
      key: 'keywords',
      field: '',
      modifiers: [],
      range: nodeRange(pair.value),
      values,
      value: keywords.map((k) => plainOf(k, document)),
    })
  }
  return items
}

function fieldItem(
  identifier: string,
  pair: Pair<unknown, unknown>,
  document: YamlDocument,
): OutlineItem {
  const key = keyText(pair)
  const [field = '', ...modifiers] = key.split('|')
  const keyRange = nodeRange(pair.key)
  const valueEnd = pair.value ? nodeRange(pair.value, keyRange)[1] : keyRange[1]
  const values = (isSeq(pair.value) ? pair.value.items : [pair.value]).flatMap(valueOf)
  return {
    identifier,
    key,
    field,
    modifiers,
    keyRange,
    range: [keyRange[0], Math.max(keyRange[1], valueEnd)],
    values,
    value: plainOf(pair.value, document),
  }
}

function valueOf(node: unknown): OutlineValue[] {
  if (!isScalar(node) || !node.range) return []
  const value: unknown = node.value
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return []
  return [{ text: String(value), range: [node.range[0], node.range[1]] }]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Keys that describe a document without changing any verdict. */
const DESCRIPTIVE = new Set([
  'title',
  'description',
  'author',
  'references',
  'tags',
  'date',
  'modified',
  'falsepositives',
  'status',
  'level',
  'fields',
  'license',
])

/**
 * What the verdicts of a text depend on, as one string: every document without its
 * descriptive keys (detection, logsource, filters, correlations, ids and names). Two texts
 * with the same fingerprint judge every event alike; undefined when it cannot be told.
 */
export function fingerprintOf(documents: readonly YamlDocument[]): string | undefined {
  const plain: unknown[] = []
  for (const document of documents) {
    const value = plainOf(document.contents, document)
    if (value === undefined) return undefined
    plain.push(
      isRecord(value)
        ? Object.fromEntries(Object.entries(value).filter(([key]) => !DESCRIPTIVE.has(key)))
        : value,
    )
  }
  try {
    return JSON.stringify(plain)
  } catch {
    return undefined
  }
}

/** The fingerprint of a text, read without compiling it (see fingerprintOf). */
export function ruleFingerprint(text: string): string | undefined {
  return fingerprintOf(parseYaml(text).documents)
}
