/**
 * The detection's search trees, read for the generator, and their disjunctive forms: each
 * identifier becomes a short list of "branches", each a conjunction of items that together
 * make the identifier true.
 */
import type { ItemSource } from '../item.ts'
import type { Diagnostic } from '../types.ts'
import { parseYaml } from '../yaml/parse.ts'
import { classifyDocuments } from '../yaml/classify.ts'
import { nodeRange } from '../yaml/nodes.ts'
import { readDetection, type IdentifierSource, type SearchSource } from '../rule/detection.ts'

export type Branch = ItemSource[]

const MAX_BRANCHES = 24

export function readIdentifiers(text: string): IdentifierSource[] {
  const parsed = parseYaml(text)
  const { map, doc } = classifyDocuments(parsed.documents, text)
  if (!map || !doc) return []
  const diagnostics: Diagnostic[] = []
  const head = map.items[0] ? nodeRange(map.items[0].key) : ([0, 0] as const)
  return readDetection(map, head, { text, doc: doc.doc, diagnostics }).identifiers
}

export function branchesOf(search: SearchSource | undefined): Branch[] {
  if (!search) return []
  if (search.type === 'item') return [[search.item]]
  if (search.type === 'or') return search.children.flatMap(branchesOf).slice(0, MAX_BRANCHES)
  let product: Branch[] = [[]]
  for (const child of search.children) {
    const options = branchesOf(child)
    product = product
      .flatMap((prefix) => options.map((b) => [...prefix, ...b]))
      .slice(0, MAX_BRANCHES)
  }
  return product
}

/** `Image|endswith`, as the rule writes the key. */
export function itemKey(item: ItemSource): string {
  return [item.field ?? '', ...item.modifiers.map((m) => m.name)].join('|') || 'keywords'
}
