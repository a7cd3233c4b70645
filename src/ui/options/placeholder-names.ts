/**
 * Which `|expand` placeholders the rule uses, so the Options panel can list exactly what the
 * user has to fill in. A line scan is enough here: the engine remains the judge (its
 * UNRESOLVED_PLACEHOLDER diagnostics are read too), this only pre-lists names.
 */
import { placeholderNames } from '../../engine/index.ts'
import type { Diagnostic } from '../../engine/index.ts'

/** `key|mod|expand:` at the start of a line (optionally a list item); group 2 is the key. */
const KEY_LINE = /^(\s*(?:-\s+)?)([^\s:#'"-][^:#]*?):(?=\s|$)(.*)$/

const hasExpand = (key: string) => key.split('|').slice(1).includes('expand')

const indentOf = (line: string) => line.length - line.trimStart().length

/** A line at or left of the key ends its value, except a `- item` level with the key. */
function endsValue(line: string, keyColumn: number): boolean {
  const indent = indentOf(line)
  if (indent < keyColumn) return true
  return indent === keyColumn && !/^-(\s|$)/.test(line.trimStart())
}

/** The text before a YAML comment (`#` after a space, outside quotes). */
export function withoutComment(text: string): string {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === "'" || c === '"') quote = c
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return text.slice(0, i)
  }
  return text
}

/** Placeholder names in values of `|expand` keys, in order of first appearance. */
export function rulePlaceholders(rule: string): string[] {
  const names = new Set<string>()
  // Column of the `|expand` key whose value lines we are inside, if any.
  let keyColumn: number | undefined
  for (const line of rule.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    if (keyColumn !== undefined && endsValue(line, keyColumn)) keyColumn = undefined
    const key = KEY_LINE.exec(line)
    if (key && hasExpand(key[2] ?? '')) {
      keyColumn = (key[1] ?? '').length
      for (const name of placeholderNames(withoutComment(key[3] ?? ''))) names.add(name)
    } else if (keyColumn !== undefined) {
      for (const name of placeholderNames(withoutComment(line))) names.add(name)
    }
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
