/**
 * A resolved condition → one closure, built once per rule. The leaf factory decides what an
 * identifier reference does: the fast path calls the identifier's matcher directly (lazily,
 * short-circuiting); the verdict path reads a precomputed array of identifier values.
 */
import type { ResolvedNode } from './resolve.ts'

export type Predicate<T> = (input: T) => boolean

const never = () => false

export function compileCondition<T>(
  node: ResolvedNode | undefined,
  leaf: (index: number) => Predicate<T>,
): Predicate<T> {
  if (!node || node.dropped) return never
  return build(node, leaf)
}

function build<T>(node: ResolvedNode, leaf: (index: number) => Predicate<T>): Predicate<T> {
  switch (node.type) {
    case 'ref':
      return leaf(node.index)
    case 'not': {
      const child = build(node.child, leaf)
      return (x) => !child(x)
    }
    case 'selector': {
      const members = node.members.map(leaf)
      return node.quantifier === 'all' ? every(members) : some(members)
    }
    default: {
      const live = node.children.filter((c) => !c.dropped).map((c) => build(c, leaf))
      return node.type === 'and' ? every(live) : some(live)
    }
  }
}

/** The AND of predicates, short-circuiting; one or two are combined without a loop. */
export function every<T>(fns: Predicate<T>[]): Predicate<T> {
  const [a, b] = fns
  if (fns.length === 1 && a) return a
  if (fns.length === 2 && a && b) return (x) => a(x) && b(x)
  return (x) => {
    for (let i = 0; i < fns.length; i++) if (!(fns[i] as Predicate<T>)(x)) return false
    return true
  }
}

/** The OR of predicates, short-circuiting; one or two are combined without a loop. */
export function some<T>(fns: Predicate<T>[]): Predicate<T> {
  const [a, b] = fns
  if (fns.length === 1 && a) return a
  if (fns.length === 2 && a && b) return (x) => a(x) || b(x)
  return (x) => {
    for (let i = 0; i < fns.length; i++) if ((fns[i] as Predicate<T>)(x)) return true
    return false
  }
}
