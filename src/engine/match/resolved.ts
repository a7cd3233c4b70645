/**
 * What a field name resolves to in one event: its value and the path that supplied it.
 *
 * Records made for each event (this, the leaves in subject.ts, a field's lookup) are class
 * instances, not `{…}` literals. V8 watches each literal's allocation site: when the objects
 * from one site all survive a young-generation collection, it allocates that site's objects in
 * the old generation from then on. A collection that lands while one event is being matched
 * can make that call for a flattening or leaf site; every later event's records then went to
 * the old generation, and a SigmaHQ rule set ran at half speed (600 ms of collection per 23,800
 * events instead of 30) in about half of the processes measured. Objects made by `new` are not
 * placed by allocation site.
 */
export class Resolved {
  constructor(
    /** The event path that supplied the value, e.g. `Event.System.Provider.#attributes.Name`. */
    readonly path: string,
    readonly value: unknown,
  ) {}
}
