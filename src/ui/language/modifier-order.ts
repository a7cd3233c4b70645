/**
 * Which modifiers usually come next, after the ones already written (legal orders from the
 * reference: `re` then flags, encodings then base64, base64offset then contains…), as the
 * engine's modifier registry states them. Completion lists these first; everything else
 * follows in the catalogue order.
 */
import { modifierFacts } from '../../engine/index.ts'
import { modifierDocs } from './modifier-docs.ts'

const nextAfter = new Map(modifierFacts().map((facts) => [facts.name, facts.next]))

/** Modifier names in suggestion order, without the ones already used. */
export function rankModifiers(used: readonly string[]): string[] {
  const last = used[used.length - 1]
  const preferred = last ? (nextAfter.get(last) ?? []) : []
  const rest = modifierDocs.map((doc) => doc.name).filter((name) => !preferred.includes(name))
  return [...preferred, ...rest].filter((name) => !used.includes(name))
}
