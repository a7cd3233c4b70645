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
    return { diagnostics }
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
      return { diagnostics }
    }
  }

  const map = asMap(first.contents)
  if (!map) {
    diagnostics.push(
      error(
        'NOT_A_RULE',
        'A Sigma rule is a YAML map (title, logsource, detection…), not a list or a single value.',
        nodeRange(first.contents, [0, text.length]),
      ),
    )
    return { diagnostics }
  }

  const second = docs[1]
  if (second) {
    const start = nodeRange(second.contents)[0]
    diagnostics.push(
      warning(
        'MULTIPLE_DOCUMENTS',
        `This text holds ${docs.length} YAML documents; only the first one is evaluated. Put one rule per file.`,
        trimRange(text, [start, nodeRange(docs[docs.length - 1]?.contents)[1]]),
      ),
    )
  }

  const correlation = findPair(map, 'correlation')
  if (correlation) {
    diagnostics.push(
      error(
        'CORRELATION_RULE',
        'This is a correlation rule: it aggregates other rules over time and cannot be evaluated event by event here.',
        pairRange(correlation, text),
      ),
    )
    return { doc: first, map, kind: 'correlation', diagnostics }
  }
  const filter = findPair(map, 'filter')
  if (filter) {
    diagnostics.push(
      error(
        'FILTER_RULE',
        'This is a filter rule (a meta filter applied to other rules), not a detection rule: it cannot be evaluated on its own.',
        pairRange(filter, text),
      ),
    )
    return { doc: first, map, kind: 'filter', diagnostics }
  }
  return { doc: first, map, kind: 'detection', diagnostics }
}
