/**
 * Folding for large events texts: one fold per event, from the event ranges the worker sends
 * once per events text. Monaco's own fallback works folds out from indentation on this thread,
 * which over tens of megabytes froze the page for seconds; below `INDENT_LIMIT` it is still
 * used, and gives the nested folds too.
 */
import type * as Monaco from './monaco.ts'
import type { Range } from '../../engine/index.ts'

const INDENT_LIMIT = 2_000_000
/** Monaco keeps at most this many folds (its `foldingMaximumRegions` default). */
const MAX_FOLDS = 5000

let eventRanges: readonly Range[] = []
let refold: (() => void) | undefined

/** The events text's event ranges changed: large texts fold by them from now on. */
export function setEventFolds(ranges: readonly Range[]): void {
  eventRanges = ranges
  refold?.()
}

export function registerEventFolding(monaco: typeof Monaco, uri: string): void {
  const changed = new monaco.Emitter<Monaco.languages.FoldingRangeProvider>()
  const provider: Monaco.languages.FoldingRangeProvider = {
    onDidChange: changed.event,
    provideFoldingRanges(model) {
      // null: Monaco folds by indentation. An empty list: no folds, and no indentation pass.
      if (model.uri.toString() !== uri || model.getValueLength() <= INDENT_LIMIT) return null
      const folds: Monaco.languages.FoldingRange[] = []
      for (const [from, to] of eventRanges) {
        const start = model.getPositionAt(from).lineNumber
        const end = model.getPositionAt(to).lineNumber
        if (end > start) folds.push({ start, end })
        if (folds.length === MAX_FOLDS) break
      }
      return folds
    },
  }
  refold = () => changed.fire(provider)
  monaco.languages.registerFoldingRangeProvider('json', provider)
}
