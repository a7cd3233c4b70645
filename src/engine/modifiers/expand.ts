/**
 * expand (§4.8): `%name%` placeholders (not preceded by `\`) are replaced by each value the
 * user listed for that name; several values OR. `\%` stands for a literal percent sign.
 */
import { escapeRegex } from '../match/glob.ts'

const PLACEHOLDER = /(?<!\\)%([^%]+)%/g

export function placeholderNames(raw: string): string[] {
  return [...raw.matchAll(PLACEHOLDER)].map((m) => m[1] as string)
}

export interface Expansion {
  /** The rule value with the placeholders replaced; `regex` inserts values escaped. */
  text: string
  variant?: string
}

export function expandPlaceholders(
  raw: string,
  placeholders: Record<string, string[]>,
  target: 'string' | 'regex',
): { expansions: Expansion[]; unresolved: string[] } {
  const names = placeholderNames(raw)
  const unresolved = names.filter(
    (name) => !Object.hasOwn(placeholders, name) || placeholders[name]?.length === 0,
  )
  if (unresolved.length > 0) return { expansions: [], unresolved: [...new Set(unresolved)] }
  const pieces = raw.split(PLACEHOLDER)
  // split() with a capture group alternates literal text and placeholder names.
  let combos: Expansion[] = [{ text: '' }]
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      const literal = target === 'string' ? piece.replaceAll('\\%', '%') : piece
      combos = combos.map((c) => ({ ...c, text: c.text + literal }))
      return
    }
    const values = Object.hasOwn(placeholders, piece) ? (placeholders[piece] ?? []) : []
    combos = combos.flatMap((c) =>
      values.map((value) => ({
        text: c.text + (target === 'regex' ? escapeRegex(value) : value),
        variant: (c.variant ? `${c.variant}, ` : '') + `%${piece}% = ${value}`,
      })),
    )
  })
  return { expansions: combos, unresolved: [] }
}
