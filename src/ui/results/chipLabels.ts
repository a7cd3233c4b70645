/**
 * Short chip texts: identifiers sharing a long prefix (filter_main_local_ranges,
 * filter_main_ms_ranges…) show only what tells them apart; the chip's icon already says
 * "filter". The full name stays in the chip's tooltip and data attributes.
 */

/**
 * Identifiers named `filter*` are filters, and so is every identifier of a filter document
 * (`mf_admins › selection`); the rest are selections.
 */
export const isFilterName = (name: string) => name.startsWith('filter') || name.includes(' › ')

function commonPrefix(names: readonly string[]): string {
  if (names.length < 2) return ''
  let prefix = names[0] ?? ''
  for (const name of names) {
    while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1)
  }
  // Cut at a word boundary so "filter_main_" stays whole and "filter_main_m" never appears.
  const cut = prefix.lastIndexOf('_')
  return cut > 0 ? prefix.slice(0, cut + 1) : ''
}

export function chipLabels(names: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {}
  const filters = names.filter(isFilterName)
  const selections = names.filter((n) => !isFilterName(n))
  for (const group of [filters, selections]) {
    const prefix = commonPrefix(group)
    for (const name of group) labels[name] = name.slice(prefix.length) || name
  }
  return labels
}
