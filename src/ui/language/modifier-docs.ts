/**
 * The modifier words completion and hover show, as the engine's registry serves them
 * (modifierFacts: summary, example, and whether values are rewritten), in catalogue order.
 */
import { editDistance, modifierFacts } from '../../engine/index.ts'

export interface ModifierDoc {
  name: string
  summary: string
  example: string
  /** The hover also shows what the value under the cursor expands to (from the registry). */
  expands: boolean
}

/** Spelled-out aliases (`ignorecase` for `i`) are understood but not offered twice. */
export const modifierDocs: readonly ModifierDoc[] = modifierFacts()
  .filter((facts) => !facts.aliasOf)
  .map(({ name, summary, example, expands }) => ({ name, summary, example, expands }))

const byName = new Map(modifierDocs.map((doc) => [doc.name, doc]))

export function modifierDoc(name: string): ModifierDoc | undefined {
  return byName.get(name)
}

/** Wildcards are not a modifier but the hover explains them on plain values too. */
export const wildcardDoc =
  '`*` matches any run of characters and `?` exactly one; `\\*`, `\\?` and `\\\\` are literal.'

/** The modifier a misspelt name most likely meant (`endswithh` → `endswith`), if any is close. */
export function closestModifier(name: string): string | undefined {
  const lower = name.toLowerCase()
  let best: { name: string; distance: number } | undefined
  for (const doc of modifierDocs) {
    const distance = editDistance(lower, doc.name)
    if (!best || distance < best.distance) best = { name: doc.name, distance }
  }
  return best && best.distance <= Math.max(1, Math.floor(name.length / 3)) ? best.name : undefined
}
