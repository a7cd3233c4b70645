/**
 * Hover on a field name in the rule: in how many events the field is present (through the
 * pipelines and mappings, as the verdicts read it) and, when no event has it, the look-alike
 * fields the events do have and where the one-click fix is. The figures are those of the last
 * analysis; a hover over text edited since then says nothing rather than something stale.
 * Like every hover, the user's text is shown escaped (markdown.ts), never as a link.
 */
import type * as Monaco from '../editors/monaco.ts'
import type { FieldCoverage } from '../../engine/index.ts'
import { codeSpan, untrusted } from './markdown.ts'
import { count, plural } from '../format.ts'

let current: readonly FieldCoverage[] = []
/** The fix's button text per field (from the coverage note), for the hover to point at. */
let fixes: Readonly<Record<string, string>> = {}

/** The page's latest coverage, and the fixes its note offers. */
export function setHoverCoverage(
  coverage: readonly FieldCoverage[],
  fixLabels: Readonly<Record<string, string>>,
): void {
  current = coverage
  fixes = fixLabels
}

export function coverageMarkdown(f: FieldCoverage, fix?: string): string {
  const events = f.events === 1 ? 'the event' : plural(f.events, 'event')
  if (f.present > 0) return `${codeSpan(f.field)} is present in ${count(f.present)} of ${events}.`
  const have = f.have ?? []
  const near =
    have.length === 0
      ? ' No event field looks like it.'
      : ` The events have ${have.map(codeSpan).join(', ')}${f.pipelineName ? ` (the built-in ${f.pipelineName} pipeline maps it)` : ''}.`
  const fixed = fix ? ` Fix: **${fix}**, above the results.` : ''
  return `${codeSpan(f.field)} is in none of ${f.events === 1 ? 'the event' : `the ${events}`}.${near}${fixed}`
}

export function registerCoverageHover(monaco: typeof Monaco, ruleUri: string): void {
  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      if (model.uri.toString() !== ruleUri) return null
      const offset = model.getOffsetAt(position)
      const text = model.getValue()
      for (const f of current)
        for (const [start, end] of f.keyRanges) {
          // The key is `Field|mods`: the hover is on the field name, as it is written now.
          const fieldEnd = start + f.field.length
          if (offset < start || offset > Math.min(end, fieldEnd)) continue
          if (text.slice(start, fieldEnd) !== f.field) return null
          const from = model.getPositionAt(start)
          const to = model.getPositionAt(fieldEnd)
          const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column)
          return { range, contents: [untrusted(coverageMarkdown(f, fixes[f.field]))] }
        }
      return null
    },
  })
}
