/**
 * Bind condition names to identifier indexes. Selectors expand to their members now, once;
 * a selector matching nothing is dropped exactly as pySigma drops it (sigma-reference §5.2):
 * `sel and 1 of filter*` and `sel and not 1 of filter*` both become `sel`, and a condition
 * made only of such selectors matches nothing.
 */
import { error, warning } from '../diagnostics.ts'
import { nearestName } from '../edit-distance.ts'
import type { Diagnostic, Range } from '../types.ts'
import type { ConditionNode, Quantifier } from './ast.ts'

export type ResolvedNode =
  | { type: 'and' | 'or'; range: Range; children: ResolvedNode[]; dropped: boolean }
  | { type: 'not'; range: Range; child: ResolvedNode; dropped: boolean }
  | { type: 'ref'; name: string; index: number; range: Range; dropped: false }
  | {
      type: 'selector'
      quantifier: Quantifier
      pattern: string
      range: Range
      /** Identifier indexes, in rule order. */
      members: number[]
      dropped: boolean
    }

export interface Resolution {
  node?: ResolvedNode
  /** Identifier indexes the condition reads (directly or through a selector). */
  used: Set<number>
  diagnostics: Diagnostic[]
}

/** A matcher for `pattern` (with `*`, or `them`), built once per selector. */
function patternMatcher(pattern: string): (name: string) => boolean {
  if (pattern === 'them') return (name) => !name.startsWith('_')
  if (!pattern.includes('*')) return (name) => name === pattern
  const hidden = pattern.startsWith('_')
  const parts = pattern.split('*')
  const head = parts[0] ?? ''
  const tail = parts[parts.length - 1] ?? ''
  const middle = parts.slice(1, -1).filter((p) => p !== '')
  return (name) => {
    if (!hidden && name.startsWith('_')) return false
    if (name.length < head.length + tail.length || !name.startsWith(head) || !name.endsWith(tail))
      return false
    // Each middle part, in order, between the head and the tail (leftmost fit is enough).
    let at = head.length
    const stop = name.length - tail.length
    for (const part of middle) {
      const found = name.indexOf(part, at)
      if (found < 0 || found + part.length > stop) return false
      at = found + part.length
    }
    return true
  }
}

/** Does `pattern` select the identifier `name` (underscore rule included)? */
export function patternSelects(pattern: string, name: string): boolean {
  return patternMatcher(pattern)(name)
}

export function resolveCondition(ast: ConditionNode, names: readonly string[]): Resolution {
  const used = new Set<number>()
  const diagnostics: Diagnostic[] = []
  const index = new Map<string, number>()
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i)
  })

  const visit = (node: ConditionNode): ResolvedNode | undefined => {
    switch (node.type) {
      case 'ref': {
        const i = index.get(node.name)
        if (i === undefined) {
          const near = nearestName(node.name, names)
          const hint = near ? ` Did you mean \`${near}\`?` : ''
          diagnostics.push({
            ...error(
              'UNDEFINED_IDENTIFIER',
              `The condition names \`${node.name}\`, which is not defined under \`detection\`.${hint}`,
              node.range,
            ),
            ...(near && { suggestion: near }),
          })
          return undefined
        }
        used.add(i)
        return { type: 'ref', name: node.name, index: i, range: node.range, dropped: false }
      }
      case 'selector': {
        const members: number[] = []
        const selects = patternMatcher(node.pattern)
        names.forEach((n, i) => {
          if (selects(n)) members.push(i)
        })
        members.forEach((i) => used.add(i))
        if (members.length === 0)
          diagnostics.push(
            warning(
              'SELECTOR_MATCHES_NOTHING',
              `\`${node.quantifier} of ${node.pattern}\` matches no identifier, so it is dropped from the condition (as pySigma does).`,
              node.range,
            ),
          )
        // Written out, not spread: a key added after a spread costs a hidden class per object.
        const { quantifier, pattern, range } = node
        return {
          type: 'selector',
          quantifier,
          pattern,
          range,
          members,
          dropped: members.length === 0,
        }
      }
      case 'not': {
        const child = visit(node.child)
        return child && { type: 'not', range: node.range, child, dropped: child.dropped }
      }
      default: {
        const children = node.children.map(visit)
        if (children.some((c) => c === undefined)) return undefined
        const resolved = children as ResolvedNode[]
        return {
          type: node.type,
          range: node.range,
          children: resolved,
          dropped: resolved.every((c) => c.dropped),
        }
      }
    }
  }
  const node = visit(ast)
  return node ? { node, used, diagnostics } : { used, diagnostics }
}
