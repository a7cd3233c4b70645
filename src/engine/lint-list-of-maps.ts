/**
 * LIST_OF_MAPS (info): an identifier written as a list of one-field maps on different fields,
 *
 *     selection:
 *       - Image|endswith: '\rundll32.exe'
 *       - CommandLine|contains: 'javascript:'
 *
 * matches when any one map does (OR). Learners often mean AND, which is one map without the
 * dashes. SigmaHQ writes this form on purpose too, so it is a note that explains, not a warning.
 * Maps of several fields, or several maps on the same field, read as the OR they are: no note.
 */
import type { YAMLMap } from 'yaml'
import type { Diagnostic } from './types.ts'
import { asMap, asSeq, findPair, keyText, nodeRange } from './yaml/nodes.ts'

export function lintListsOfMaps(rule: YAMLMap<unknown, unknown>): Diagnostic[] {
  const detection = asMap(findPair(rule, 'detection')?.value)
  if (!detection) return []
  const out: Diagnostic[] = []
  for (const pair of detection.items) {
    const name = keyText(pair)
    if (name === 'condition' || name === 'timeframe') continue
    const items = asSeq(pair.value)?.items ?? []
    const maps = items.map(asMap)
    if (maps.length < 2 || maps.some((m) => m?.items.length !== 1)) continue
    const fields = maps.map((m) => (m?.items[0] ? keyText(m.items[0]).split('|')[0] : ''))
    if (new Set(fields).size !== fields.length) continue
    out.push({
      code: 'LIST_OF_MAPS',
      severity: 'info',
      message:
        `\`${name}\` is a list of maps, which is OR: an event matches when any one of them does ` +
        `(${fields.map((f) => `\`${f}\``).join(' or ')}). If every field must match, write them ` +
        'in one map: drop the dashes.',
      range: nodeRange(pair.key),
    })
  }
  return out
}
