/**
 * How deep a document nests. Sigma rules nest a handful of levels (detection › search › field ›
 * list); a text nested hundreds deep is an attack or an accident, and every reader after the
 * parser walks the tree recursively. Refusing it here, with its place in the text, keeps those
 * readers within any stack (a browser worker's is smaller than Node's).
 */
import { isAlias, isMap, isPair, isSeq, Lexer, type Document } from 'yaml'
import { resolveNode } from './nodes.ts'

/** Far above any real rule (SigmaHQ's deepest nests 5), far below any engine's stack. */
export const MAX_NESTING = 64

/**
 * The first node found deeper than `limit`, counting collections (aliases are followed, so an
 * anchor reused inside itself counts too). Walked with an explicit stack, and each node is
 * entered again only when reached deeper than before, so a billion-laughs document costs a few
 * visits per node.
 */
export function tooDeepNode(
  root: unknown,
  doc: Document | undefined,
  limit = MAX_NESTING,
): unknown {
  const deepestSeen = new Map<unknown, number>()
  // `via`: the alias being expanded, if any; a node reached through one is shown where the
  // alias is written, not where its anchor sits.
  const stack: Array<[node: unknown, depth: number, via: unknown]> = [[root, 0, undefined]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth, via] = top
    const target = isAlias(node) ? resolveNode(node, doc) : node
    if (!isMap(target) && !isSeq(target)) continue
    if (depth + 1 > limit) return via ?? node
    if ((deepestSeen.get(target) ?? -1) >= depth) continue
    deepestSeen.set(target, depth)
    const childVia = via ?? (isAlias(node) ? node : undefined)
    for (const item of target.items as unknown[]) {
      const children = isPair(item) ? [item.key, item.value] : [item]
      for (const child of children) stack.push([child, depth + 1, childVia])
    }
  }
  return undefined
}

/**
 * Where brackets (`[`, `{`) first nest deeper than `limit`, read from the YAML tokens, before
 * any parse: the `yaml` parser takes time that grows with the square of the depth (seconds for
 * a 200 kB line of brackets), so the depth must be known before it runs. The lexer is linear,
 * and runs only when the text holds that many brackets at all.
 */
/** The lexer's own markers (document, scalar, flow end): they take no room in the text. */
const LEXER_MARKS = new Set(['\x02', '\x18', '\x1f'])

export function flowTooDeep(text: string, limit = MAX_NESTING): number | undefined {
  if (count(text, '[', limit) + count(text, '{', limit) <= limit) return undefined
  let offset = 0
  let depth = 0
  for (const token of new Lexer().lex(text)) {
    if (LEXER_MARKS.has(token)) continue
    if (token === '[' || token === '{') {
      if (++depth > limit) return offset
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1)
    offset += token.length
  }
  return undefined
}

/** Occurrences of `char` in `text`, up to one past `limit` (indexOf: most rules hold none). */
function count(text: string, char: string, limit: number): number {
  let found = 0
  for (let at = text.indexOf(char); at >= 0 && found <= limit; at = text.indexOf(char, at + 1))
    found++
  return found
}
