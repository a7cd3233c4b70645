/** Tiny AST builders for condition tests: `or(ref('a'), not(ref('b')))`, ranges left out. */
import type { ConditionNode, Quantifier } from '../../../src/engine/condition/ast.ts'

export type Shape =
  | { type: 'and' | 'or'; children: Shape[] }
  | { type: 'not'; child: Shape }
  | { type: 'ref'; name: string }
  | { type: 'selector'; quantifier: Quantifier; pattern: string }

export const ref = (name: string): Shape => ({ type: 'ref', name })
export const and = (...children: Shape[]): Shape => ({ type: 'and', children })
export const or = (...children: Shape[]): Shape => ({ type: 'or', children })
export const not = (child: Shape): Shape => ({ type: 'not', child })
export const oneOf = (pattern: string): Shape => ({ type: 'selector', quantifier: '1', pattern })
export const anyOf = (pattern: string): Shape => ({ type: 'selector', quantifier: 'any', pattern })
export const allOf = (pattern: string): Shape => ({ type: 'selector', quantifier: 'all', pattern })

/** The AST without ranges, to compare with builder output. */
export function shape(node: ConditionNode): Shape {
  switch (node.type) {
    case 'ref':
      return ref(node.name)
    case 'not':
      return not(shape(node.child))
    case 'selector':
      return { type: 'selector', quantifier: node.quantifier, pattern: node.pattern }
    default:
      return { type: node.type, children: node.children.map(shape) }
  }
}

/** A condition standing alone: offsets are positions in the string. */
export function input(text: string) {
  return { text, range: [0, text.length] as const, toSource: (i: number) => i }
}
