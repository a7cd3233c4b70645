/** Every worked example, in the order the gallery teaches them. */
import type { Example } from './example.ts'
import { VALUES } from './examples/values.ts'
import { CONDITIONS } from './examples/conditions.ts'
import { STRINGS } from './examples/strings.ts'
import { ENCODINGS } from './examples/encodings.ts'
import { REGEX } from './examples/regex.ts'
import { FIELDS } from './examples/fields.ts'
import { KEYWORDS } from './examples/keywords.ts'
import { FILTERS } from './examples/filters.ts'
import { CORRELATIONS } from './examples/correlations.ts'
import { REAL_WORLD } from './examples/real-world.ts'

export const EXAMPLES: readonly Example[] = [
  ...VALUES,
  ...CONDITIONS,
  ...STRINGS,
  ...ENCODINGS,
  ...REGEX,
  ...FIELDS,
  ...KEYWORDS,
  ...FILTERS,
  ...CORRELATIONS,
  ...REAL_WORLD,
]

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id)
}
