/**
 * Which `|expand` placeholders the rule uses, so the Options panel can list exactly what the
 * user has to fill in: read from the engine's outline of the rule, and from the values its
 * UNRESOLVED_PLACEHOLDER diagnostics flag.
 */
import { outlineRule, placeholderNames } from '../../engine/index.ts'
import type { Diagnostic } from '../../engine/index.ts'

/** Placeholder names in values of `|expand` items, in order of first appearance. */
export function rulePlaceholders(rule: string): string[] {
  const names = new Set<string>()
  for (const item of outlineRule(rule)?.items ?? []) {
    if (!item.modifiers.includes('expand')) continue
    for (const value of item.values)
      for (const name of placeholderNames(value.text)) names.add(name)
  }
  return [...names]
}

/** Names the engine reported as having no values, read from the values it flagged. */
export function unresolvedPlaceholders(
  diagnostics: readonly Diagnostic[],
  ruleText: string,
): string[] {
  const names = new Set<string>()
  for (const d of diagnostics) {
    if (d.code !== 'UNRESOLVED_PLACEHOLDER') continue
    for (const name of placeholderNames(ruleText.slice(d.range[0], d.range[1]))) names.add(name)
  }
  return [...names]
}
