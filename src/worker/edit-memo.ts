/**
 * What the worker keeps about the events while the rule is edited, so that a key typed into one
 * selection costs a pass of that selection alone:
 * - each search's values, by what the search tests (CompiledSearch.key), read back instead of
 *   evaluated (the default rule's six searches over 10,000 events took ~49 ms a key, its edited
 *   selection alone ~10);
 * - how many events have each field (field coverage), by the field's event names.
 * It holds for one list of events and one context: the options and the rule's logsource, which
 * decide how an item reads its fields. Either changing starts afresh.
 */
export class EditMemo {
  private context: string | undefined
  private columns = new Map<string, Uint8Array>()
  /** See fieldCoverageSteps: events having any of a field's event names, by those names. */
  presence = new Map<string, number>()

  /** Starts afresh unless `context` is the one kept so far. */
  enter(context: string): void {
    if (context !== this.context) this.forget(context)
  }

  /** The kept values of each search (1 where it was true), undefined where none are kept. */
  kept(keys: readonly (string | undefined)[]): (Uint8Array | undefined)[] {
    return keys.map((key) => (key === undefined ? undefined : this.columns.get(key)))
  }

  /** After a pass over every event: these searches' values are kept, and no others. */
  keep(keys: readonly (string | undefined)[], columns: readonly Uint8Array[]): void {
    const next = new Map<string, Uint8Array>()
    keys.forEach((key, i) => {
      const column = columns[i]
      if (key !== undefined && column) next.set(key, column)
    })
    this.columns = next
  }

  forget(context?: string): void {
    this.context = context
    this.columns = new Map()
    this.presence = new Map()
  }
}
