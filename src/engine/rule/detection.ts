/**
 * The `detection` section's shape (sigma-reference §2): identifiers → search trees of items,
 * plus the condition string(s) with their source positions.
 */
import type { Pair, YAMLMap } from 'yaml'
import { error } from '../diagnostics.ts'
import type { ItemSource } from '../item.ts'
import type { IdentifierInfo, Range } from '../types.ts'
import {
  asMap,
  asSeq,
  expandedSize,
  findPair,
  isScalarNode,
  keyText,
  nodeRange,
  pairRange,
  resolveNode,
  scalarOf,
  trimRange,
} from '../yaml/nodes.ts'
import { fieldItemSource, keywordItemSource, type SourceContext } from './item-source.ts'
import { readConditions, type ConditionSource } from './condition-source.ts'

/** A map is an AND of its items, a list an OR of its elements. */
export type SearchSource =
  | { type: 'and' | 'or'; range: Range; children: SearchSource[] }
  | { type: 'item'; item: ItemSource }

export interface IdentifierSource extends IdentifierInfo {
  /** Undefined when the body has errors. */
  body?: SearchSource
}

export interface DetectionSource {
  identifiers: IdentifierSource[]
  conditions: ConditionSource[]
  /** The `detection` key, for rule-wide diagnostics. */
  keyRange?: Range
}

/**
 * Over four times the largest SigmaHQ detection (4,436 nodes, a list of vulnerable drivers'
 * hashes), far below what a hostile link's alias bomb stands for.
 */
const MAX_DETECTION_NODES = 20_000

export function readDetection(
  map: YAMLMap<unknown, unknown>,
  headRange: Range,
  ctx: SourceContext,
): DetectionSource {
  const pair = findPair(map, 'detection')
  if (!pair) {
    ctx.diagnostics.push(
      error('MISSING_DETECTION', 'The rule has no `detection` section.', headRange),
    )
    return { identifiers: [], conditions: [] }
  }
  const keyRange = nodeRange(pair.key)
  const detection = asMap(resolveNode(pair.value, ctx.doc))
  if (!detection) {
    ctx.diagnostics.push(
      error(
        'MISSING_DETECTION',
        '`detection` must be a map of search identifiers and a `condition`.',
        nodeRange(pair.value, keyRange),
      ),
    )
    return { identifiers: [], conditions: [], keyRange }
  }
  return readSearchSection(detection, keyRange, ctx, 'detection')
}

/**
 * Without aliases (the fast path builds none) every node takes at least a character of the
 * text, so a text that short cannot hold that many: counting them is left to longer texts.
 */
function expandsTooFar(section: YAMLMap<unknown, unknown>, ctx: SourceContext): boolean {
  if (ctx.doc === undefined && ctx.text.length <= MAX_DETECTION_NODES) return false
  return expandedSize(section, ctx.doc, MAX_DETECTION_NODES) > MAX_DETECTION_NODES
}

/**
 * A map of search identifiers and a `condition`: a rule's `detection`, or a filter document's
 * `filter` (which also holds `rules`, skipped here and read by the filter reader).
 */
export function readSearchSection(
  section: YAMLMap<unknown, unknown>,
  keyRange: Range,
  ctx: SourceContext,
  label: 'detection' | 'filter',
): DetectionSource {
  if (expandsTooFar(section, ctx)) {
    const most = MAX_DETECTION_NODES.toLocaleString('en-US')
    ctx.diagnostics.push(
      error(
        'DETECTION_TOO_LARGE',
        `\`${label}\` stands for more than ${most} values once its YAML aliases are expanded (aliases repeated inside each other?), so it is not read.`,
        keyRange,
      ),
    )
    return { identifiers: [], conditions: [], keyRange }
  }
  const identifiers: IdentifierSource[] = []
  let conditionPair: Pair<unknown, unknown> | undefined
  for (const entry of section.items) {
    const name = keyText(entry)
    if (name === 'condition') conditionPair = entry
    else if (label === 'filter' && name === 'rules') continue
    else identifiers.push(readIdentifier(name, entry, ctx))
  }
  if (identifiers.length === 0)
    ctx.diagnostics.push(
      error(
        'NO_SEARCH_IDENTIFIERS',
        `\`${label}\` defines no search identifier (e.g. \`selection:\`).`,
        keyRange,
      ),
    )
  if (!conditionPair) {
    ctx.diagnostics.push(error('MISSING_CONDITION', `\`${label}\` has no \`condition\`.`, keyRange))
    return { identifiers, conditions: [], keyRange }
  }
  return { identifiers, conditions: readConditions(conditionPair, ctx), keyRange }
}

function readIdentifier(
  name: string,
  pair: Pair<unknown, unknown>,
  ctx: SourceContext,
): IdentifierSource {
  const info: IdentifierSource = {
    name,
    kind: name.startsWith('filter') ? 'filter' : 'selection',
    keyRange: nodeRange(pair.key),
    range: pairRange(pair, ctx.text),
  }
  const body = readSearch(pair.value, info.keyRange, name, ctx)
  if (body) info.body = body
  return info
}

function readSearch(
  raw: unknown,
  keyRange: Range,
  name: string,
  ctx: SourceContext,
): SearchSource | undefined {
  const node = resolveNode(raw, ctx.doc)
  const range = trimRange(ctx.text, nodeRange(node, keyRange))
  const empty = (what: string) => {
    ctx.diagnostics.push(
      error(
        'EMPTY_SEARCH',
        `\`${name}\` is ${what}: it must hold field items or keywords.`,
        range[1] > range[0] ? range : keyRange,
      ),
    )
    return undefined
  }
  const map = asMap(node)
  if (map) {
    if (map.items.length === 0) return empty('an empty map')
    const children: SearchSource[] = []
    let ok = true
    for (const entry of map.items) {
      const item = fieldItemSource(entry, ctx)
      if (item) children.push({ type: 'item', item })
      else ok = false
    }
    return ok ? { type: 'and', range, children } : undefined
  }
  const seq = asSeq(node)
  if (seq) {
    if (seq.items.length === 0) return empty('an empty list')
    const elements = seq.items.map((e) => resolveNode(e, ctx.doc))
    if (elements.every(isScalarNode)) {
      const item = keywordItemSource(
        elements.map((n) => ({ node: n })),
        range,
        ctx,
      )
      return item && { type: 'item', item }
    }
    const children: SearchSource[] = []
    let ok = true
    for (const element of elements) {
      const child = isScalarNode(element)
        ? keywordItemSource([{ node: element }], nodeRange(element, range), ctx)
        : undefined
      const search = child
        ? ({ type: 'item', item: child } as const)
        : isScalarNode(element)
          ? undefined
          : readSearch(element, keyRange, name, ctx)
      if (search) children.push(search)
      else ok = false
    }
    return ok ? { type: 'or', range, children } : undefined
  }
  if (scalarOf(node) === null) return empty('empty')
  const item = keywordItemSource([{ node }], range, ctx)
  return item && { type: 'item', item }
}
