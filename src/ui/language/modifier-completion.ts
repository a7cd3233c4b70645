/**
 * Completion of value modifiers after `|` in detection keys. monaco-yaml completes the keys
 * the schema knows (title, logsource, detection…); the modifiers live inside free-form keys
 * the schema cannot describe, so they come from here.
 */
import type * as Monaco from '../editors/monaco.ts'
import { modifierDoc } from './modifier-docs.ts'
import { rankModifiers } from './modifier-order.ts'
import { inDetection, modifierPrefix } from './key-context.ts'
import { untrusted } from './markdown.ts'

export function registerModifierCompletion(monaco: typeof Monaco, ruleUri: string): void {
  monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: ['|'],
    provideCompletionItems(model, position) {
      if (model.uri.toString() !== ruleUri) return { suggestions: [] }
      const lineBefore = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
      const prefix = modifierPrefix(lineBefore)
      if (!prefix) return { suggestions: [] }
      if (!inDetection((n) => model.getLineContent(n), position.lineNumber)) {
        return { suggestions: [] }
      }
      const range = new monaco.Range(
        position.lineNumber,
        prefix.start + 1,
        position.lineNumber,
        position.column,
      )
      const suggestions = rankModifiers(prefix.used).flatMap((name, order) => {
        const doc = modifierDoc(name)
        if (!doc) return []
        return [
          {
            label: { label: doc.name, description: 'modifier' },
            kind: monaco.languages.CompletionItemKind.Operator,
            detail: doc.summary,
            documentation: untrusted(`${doc.summary}\n\n\`\`\`yaml\n${doc.example}\n\`\`\``),
            insertText: doc.name,
            sortText: String(order).padStart(3, '0'),
            range,
          },
        ]
      })
      return { suggestions }
    },
  })
}
