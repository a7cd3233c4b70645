/** Completion of event field names in detection keys, from the rule's logsource. */
import type * as Monaco from '../editors/monaco.ts'
import { fieldNamePrefix, fieldsFor, readLogsource } from './field-names.ts'

export function registerFieldCompletion(monaco: typeof Monaco, ruleUri: string): void {
  monaco.languages.registerCompletionItemProvider('yaml', {
    provideCompletionItems(model, position) {
      if (model.uri.toString() !== ruleUri) return { suggestions: [] }
      const lineAt = (n: number) => (n <= model.getLineCount() ? model.getLineContent(n) : '')
      const lineBefore = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
      const prefix = fieldNamePrefix(lineAt, position.lineNumber, lineBefore)
      if (!prefix) return { suggestions: [] }
      const logsource = readLogsource(model.getLinesContent())
      const where = [logsource.product, logsource.category ?? logsource.service]
        .filter(Boolean)
        .join(' / ')
      const range = new monaco.Range(
        position.lineNumber,
        prefix.start + 1,
        position.lineNumber,
        position.column,
      )
      const suggestions = fieldsFor(logsource).map((name) => ({
        label: { label: name, description: where },
        kind: monaco.languages.CompletionItemKind.Field,
        detail: `Field of ${where} events (SigmaHQ field list)`,
        insertText: name,
        range,
      }))
      return { suggestions }
    },
  })
}
