/**
 * The event field to show first when an event is selected: the first one read by an item that
 * decided the verdict (the selection that matched, the filter that excluded, the selection that
 * failed), so a Windows event-log record opens at its `EventData` field, not at its
 * `#attributes`. Pure, like the other paint modules.
 */
import type { SearchNodeTrace, Trace } from '../../engine/index.ts'
import { decidingItems, decidingReasons } from '../../worker/summary.ts'

function pathOf(item: SearchNodeTrace): string | undefined {
  if (item.type === 'field') return item.lookups[0]?.path ?? item.values.find((v) => v.path)?.path
  if (item.type === 'keywords') return item.values.find((v) => v.value && v.path)?.path
  return undefined
}

/** Event paths in the order to look for them: the deciding ones first. */
export function decidingPaths(trace: Trace): string[] {
  const paths: string[] = []
  for (const reason of decidingReasons(trace).reasons) {
    const search = trace.searches.find((s) => s.name === reason.name)
    if (!search) continue
    for (const item of decidingItems(search.body, reason.value)) {
      const path = pathOf(item)
      if (path && !paths.includes(path)) paths.push(path)
    }
  }
  return paths
}
