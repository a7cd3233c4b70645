/**
 * Quick fixes (Ctrl+. or the light bulb) for every engine diagnostic that says "did you mean":
 * an identifier misspelt in the condition, an unknown modifier, a misspelt attribute. The engine
 * puts the replacement in the diagnostic; this only turns it into a Monaco edit.
 */
import type * as Monaco from '../editors/monaco.ts'
import type { Diagnostic } from '../../engine/index.ts'

interface Fix {
  range: Monaco.IRange
  text: string
  code: string
}

const fixesByModel = new Map<string, Fix[]>()

/** Called with the same diagnostics the markers come from, so fixes and markers agree. */
export function setQuickFixes(
  model: Monaco.editor.ITextModel,
  diagnostics: readonly Diagnostic[],
  toRange: (d: Diagnostic) => Monaco.IRange,
): void {
  const fixes = diagnostics
    .filter((d) => d.suggestion !== undefined)
    .map((d) => ({ range: toRange(d), text: d.suggestion ?? '', code: d.code }))
  fixesByModel.set(model.uri.toString(), fixes)
}

export function registerQuickFixes(monaco: typeof Monaco, uri: string): void {
  monaco.languages.registerCodeActionProvider(
    'yaml',
    {
      provideCodeActions(model, range) {
        const fixes = model.uri.toString() === uri ? (fixesByModel.get(uri) ?? []) : []
        const actions = fixes
          .filter((fix) => monaco.Range.areIntersectingOrTouching(fix.range, range))
          .map((fix) => ({
            title: `Change to '${fix.text}'`,
            kind: 'quickfix',
            isPreferred: true,
            edit: {
              edits: [{ resource: model.uri, versionId: undefined, textEdit: fix }],
            },
          }))
        return { actions, dispose() {} }
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  )
}
