/**
 * Hover on a detection key or value: what each modifier does, with an example, and for the
 * transforming ones (windash, base64*, utf16*, cidr) and wildcards, the actual variants the
 * engine derives from the value. No other tool shows this.
 */
import type * as Monaco from '../editors/monaco.ts'
import { expandValue } from '../../engine/index.ts'
import { closestModifier, modifierDoc, wildcardDoc } from './modifier-docs.ts'
import { keyAt } from './key-context.ts'
import { detectionItemAt } from './detection-item.ts'
import type { DetectionItem } from './detection-item.ts'
import { expansionMarkdown } from './expansion-text.ts'
import { codeSpan, untrusted } from './markdown.ts'

const maxValuesExpanded = 4

function hasWildcard(value: string): boolean {
  return /(^|[^\\])(\\\\)*[*?]/.test(value)
}

function worthExpanding(item: DetectionItem): boolean {
  const transforms = item.modifiers.some((name) => modifierDoc(name)?.expands)
  return transforms || item.values.some((v) => hasWildcard(v.text))
}

function expansions(item: DetectionItem): string[] {
  if (!worthExpanding(item) || item.modifiers.includes('re')) return []
  const chosen =
    item.valueIndex >= 0 ? [item.values[item.valueIndex]] : item.values.slice(0, maxValuesExpanded)
  const parts: string[] = []
  for (const value of chosen) {
    if (!value) continue
    try {
      const expansion = expandValue(item.modifiers, value.text)
      parts.push(expansionMarkdown(value.text, expansion, !item.modifiers.includes('cidr')))
    } catch {
      // The engine never throws on user input; if it did, the hover still shows the docs.
    }
  }
  if (item.valueIndex < 0 && item.values.length > maxValuesExpanded) {
    parts.push(`…and ${item.values.length - maxValuesExpanded} more values: hover one to see it.`)
  }
  return parts
}

function modifierSection(name: string): string {
  const doc = modifierDoc(name)
  if (!doc) {
    const meant = closestModifier(name)
    const hint = meant ? ` Did you mean ${codeSpan(meant)}?` : ''
    return `${codeSpan(name)} is not a Sigma modifier.${hint}`
  }
  return `**${doc.name}**: ${doc.summary}\n\n\`\`\`yaml\n${doc.example}\n\`\`\``
}

export function registerModifierHover(monaco: typeof Monaco, ruleUri: string): void {
  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      if (model.uri.toString() !== ruleUri) return null
      const line = model.getLineContent(position.lineNumber)
      const onKey = keyAt(line, position.column - 1)
      const offset = model.getOffsetAt(position)
      const item = detectionItemAt(model.getValue(), offset)
      const sections: string[] = []
      if (onKey && onKey.active >= 0) {
        const name = onKey.modifiers[onKey.active] ?? ''
        sections.push(modifierSection(name))
      }
      if (item && (item.modifiers.length > 0 || item.valueIndex >= 0)) {
        const expanded = expansions(item)
        if (expanded.length > 0) {
          if (item.values.some((v) => hasWildcard(v.text))) sections.push(wildcardDoc)
          sections.push(...expanded)
        }
      }
      if (sections.length === 0) return null
      return { contents: sections.map(untrusted) }
    },
  })
}
