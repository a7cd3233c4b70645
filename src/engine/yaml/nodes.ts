/**
 * Typed access to `yaml` nodes: ranges, scalar values and map lookups, with aliases resolved
 * so that `*anchor` behaves like the text it points to.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'
import type { Range, Scalar } from '../types.ts'

export type YamlNode = Node

/** The node's value range `[start, valueEnd)`, without trailing comments. */
export function nodeRange(node: unknown, fallback: Range = [0, 0]): Range {
  const r = (node as { range?: [number, number, number] } | null)?.range
  return r ? [r[0], r[1]] : fallback
}

/** Alias targets already found: `Alias.resolve` searches the whole document each time. */
const targets = new WeakMap<object, unknown>()

export function resolveNode(node: unknown, doc: Document | undefined): unknown {
  if (!isAlias(node)) return node
  if (targets.has(node)) return targets.get(node)
  const target = (doc && node.resolve(doc)) ?? null
  targets.set(node, target)
  return target
}

/**
 * How many nodes `node` stands for once every alias is expanded, counted only up to just past
 * `limit`. Each node's size is worked out once and remembered, so a billion-laughs document
 * (nine anchors of nine aliases of the one before) is measured in a few hundred steps instead
 * of being read 9^9 times. A node met again while it is still being measured (a cycle)
 * counts as too large.
 */
export function expandedSize(node: unknown, doc: Document | undefined, limit: number): number {
  const over = limit + 1
  const sizes = new Map<unknown, number>()
  const size = (n: unknown): number => {
    const known = sizes.get(n)
    if (known !== undefined) return known
    sizes.set(n, over)
    let total = 1
    const add = (child: unknown) => {
      if (total <= limit) total += size(child)
    }
    if (isAlias(n)) total = size(resolveNode(n, doc))
    else if (isMap(n)) for (const pair of n.items) add(pair.value)
    else if (isSeq(n)) for (const item of n.items) add(item)
    sizes.set(n, Math.min(total, over))
    return Math.min(total, over)
  }
  return size(node)
}

export function asMap(node: unknown): YAMLMap<unknown, unknown> | undefined {
  return isMap(node) ? node : undefined
}

export function asSeq(node: unknown): YAMLSeq<unknown> | undefined {
  return isSeq(node) ? node : undefined
}

/** The Sigma scalar a node holds, or undefined for collections and exotic types. */
export function scalarOf(node: unknown): Scalar | undefined {
  if (node === null || node === undefined) return null
  if (!isScalar(node)) return undefined
  const v = node.value
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  return undefined
}

export function isScalarNode(node: unknown): boolean {
  return node === null || isScalar(node)
}

/** The key of a pair as text (numbers and booleans as written). */
export function keyText(pair: Pair<unknown, unknown>): string {
  const k = pair.key
  if (isScalar(k)) {
    if (typeof k.source === 'string' && typeof k.value !== 'string') return k.source
    return String(k.value)
  }
  return String(k)
}

export function findPair(
  map: YAMLMap<unknown, unknown>,
  key: string,
): Pair<unknown, unknown> | undefined {
  for (const pair of map.items) if (keyText(pair) === key) return pair
  return undefined
}

/** Key start to value end: the whole `key: value` entry, without trailing blank space. */
export function pairRange(pair: Pair<unknown, unknown>, text?: string): Range {
  const k = nodeRange(pair.key)
  const v = pair.value ? nodeRange(pair.value, k) : k
  const range: Range = [k[0], Math.max(k[1], v[1])]
  return text === undefined ? range : trimRange(text, range)
}

/** Block collections end after their last line break; painting wants the last character. */
export function trimRange(text: string, range: Range): Range {
  let end = range[1]
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--
  return [range[0], end]
}

/** An empty document (`---` at the end of the text) holds a null scalar without source. */
export function isEmptyDocument(contents: unknown): boolean {
  return contents === null || (isScalar(contents) && contents.value === null && !contents.source)
}
