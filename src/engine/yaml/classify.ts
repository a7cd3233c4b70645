/**
 * Decide which YAML document is the rule, and what kind of rule it is. The playground
 * evaluates one detection rule; everything else is said out loud, never silently ignored.
 */
import type { YAMLMap } from 'yaml'
import type { YamlDocument } from './parse.ts'
import { error, warning } from '../diagnostics.ts'
import type { Diagnostic, RuleKind } from '../types.ts'
import { asMap, findPair, isEmptyDocument, nodeRange, pairRange, trimRange } from './nodes.ts'

export interface ClassifiedRule {
  /** The document that is evaluated (the first one). */
  doc?: YamlDocument
  map?: YAMLMap<unknown, unknown>
  kind?: RuleKind
  /** The filter documents beside it, in text order: the compiler joins those that apply. */
  filters: { doc: YamlDocument; map: YAMLMap<unknown, unknown> }[]
  diagnostics: Diagnostic[]
}

export function classifyDocuments(documents: YamlDocument[], text: string): ClassifiedRule {
  const docs = documents.filter((d) => !isEmptyDocument(d.contents))
  const diagnostics: Diagnostic[] = []
  const first = docs[0]
  if (!first) {
    diagnostics.push(
      error(
        'NOT_A_RULE',
        'The rule text is empty: expected a Sigma rule (a YAML map with title, logsource and detection).',
        [0, Math.min(text.length, 1)],
      ),
    )
    return { diagnostics, filters: [] }
  }

  for (const doc of docs) {
    const action = asMap(doc.contents) && findPair(asMap(doc.contents)!, 'action')
    if (action) {
      diagnostics.push(
        error(
          'V1_COLLECTION',
          'Sigma v1 rule collections (`action: global`, `reset`, `repeat`) are not supported: split the file into complete single rules.',
          pairRange(action, text),
        ),
      )
      return { diagnostics, filters: [] }
    }
  }

  const maps = docs.map((d) => asMap(d.contents))
  const firstMap = maps[0]
  if (!firstMap) {
    diagnostics.push(
      error(
        'NOT_A_RULE',
        'A Sigma rule is a YAML map (title, logsource, detection…), not a list or a single value.',
        nodeRange(first.contents, [0, text.length]),
      ),
    )
    return { diagnostics, filters: [] }
  }

  // A v2 bundle puts correlations or filters beside the rules they use: evaluate the first
  // detection document and say what is left aside.
  const chosen = Math.max(
    0,
    maps.findIndex((m) => m !== undefined && kindOf(m) === 'detection'),
  )
  const map = maps[chosen] ?? firstMap
  const doc = docs[chosen] ?? first
  const kind = kindOf(map)
  const filters: ClassifiedRule['filters'] = []
  docs.forEach((other, i) => {
    const otherMap = maps[i]
    if (i === chosen) return
    const otherKind = otherMap ? kindOf(otherMap) : 'detection'
    // A filter beside a rule is joined to it (or reported as applying to nothing) by the compiler.
    if (otherMap && otherKind === 'filter' && kind === 'detection')
      filters.push({ doc: other, map: otherMap })
    else if (otherMap && otherKind !== 'detection')
      diagnostics.push(notEvaluated(otherMap, otherKind, text, 'warning'))
    else if (i > chosen)
      diagnostics.push(
        warning(
          'MULTIPLE_DOCUMENTS',
          `This text holds ${docs.length} YAML documents; only the first rule is evaluated. Put one rule per file.`,
          trimRange(text, nodeRange(other.contents)),
        ),
      )
  })
  if (kind !== 'detection') diagnostics.push(notEvaluated(map, kind, text, 'error'))
  return { doc, map, kind, filters, diagnostics }
}

function kindOf(map: YAMLMap<unknown, unknown>): RuleKind {
  if (findPair(map, 'correlation')) return 'correlation'
  if (findPair(map, 'filter')) return 'filter'
  return 'detection'
}

/** A correlation or filter document: an error when it is all there is, a warning beside a rule. */
function notEvaluated(
  map: YAMLMap<unknown, unknown>,
  kind: RuleKind,
  text: string,
  severity: 'error' | 'warning',
): Diagnostic {
  const make = severity === 'error' ? error : warning
  const pair = findPair(map, kind)
  const range = pair ? pairRange(pair, text) : nodeRange(map)
  return kind === 'correlation'
    ? make(
        'CORRELATION_RULE',
        'This is a correlation rule: it aggregates other rules over time and cannot be evaluated event by event here.',
        range,
      )
    : make(
        'FILTER_RULE',
        'This is a filter rule (a meta filter applied to other rules), not a detection rule: it cannot be evaluated on its own.',
        range,
      )
}
