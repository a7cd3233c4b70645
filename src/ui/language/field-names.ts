/**
 * Event field names to complete in detection keys, chosen by the rule's logsource
 * (product + category or service), from the names SigmaHQ's own tests accept.
 */
import fieldData from './schema/logsource-fields.json'

interface ProductFields {
  common?: string[]
  category?: Record<string, string[]>
  service?: Record<string, string[]>
}

const products = (fieldData as { products: Record<string, ProductFields> }).products

export interface Logsource {
  product?: string
  category?: string
  service?: string
}

/** Reads the logsource block line by line: the rule is often half-typed and unparsable. */
export function readLogsource(lines: readonly string[]): Logsource {
  const found: Logsource = {}
  let inside = false
  for (const line of lines) {
    if (/^\S/.test(line)) inside = /^logsource\s*:/.test(line)
    if (!inside) continue
    const entry = /^\s+(product|category|service)\s*:\s*['"]?([\w.-]+)/.exec(line)
    if (entry?.[1] && entry[2]) found[entry[1] as keyof Logsource] = entry[2]
  }
  return found
}

/** Field names for the logsource; empty when SigmaHQ lists none for it. */
export function fieldsFor(logsource: Logsource): string[] {
  const product = products[logsource.product ?? 'empty'] ?? {}
  const names = new Set<string>()
  const add = (list: string[] | undefined) => list?.forEach((name) => names.add(name))
  if (logsource.category) {
    add(product.category?.[logsource.category])
    if (!logsource.product) add(products.empty?.category?.[logsource.category])
  }
  if (logsource.service) add(product.service?.[logsource.service])
  if (names.size > 0 || logsource.product) add(product.common)
  return [...names].sort()
}

/**
 * The field name being typed at the end of `lineBefore`, when the line sits inside a search
 * identifier (deeper than the identifiers under `detection:`), or null.
 */
export function fieldNamePrefix(
  lineAt: (n: number) => string,
  lineNumber: number,
  lineBefore: string,
): { start: number; typed: string } | null {
  const typing = /^(\s*(?:-\s+)?['"]?)([A-Za-z0-9_.]*)$/.exec(lineBefore)
  if (!typing) return null
  const indent = /^\s*/.exec(lineBefore)?.[0].length ?? 0
  for (let n = lineNumber - 1; n >= 1; n--) {
    const line = lineAt(n)
    if (/^detection\s*:/.test(line)) {
      // The first key below `detection:` sets the identifiers' indentation.
      let first = n + 1
      while (first < lineNumber && /^\s*(#.*)?$/.test(lineAt(first))) first++
      if (first >= lineNumber) return null
      const identifierIndent = /^\s*/.exec(lineAt(first))?.[0].length ?? 0
      if (indent <= identifierIndent) return null
      const typed = typing[2] ?? ''
      return { start: lineBefore.length - typed.length, typed }
    }
    if (/^\S/.test(line) && !line.startsWith('#')) return null
  }
  return null
}
