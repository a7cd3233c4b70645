/**
 * An event readied for many item tests: field lookups go through it, and the event-log flat
 * table and the keyword leaves are built lazily, once per event.
 */
import type { PreparedEvent } from '../item.ts'
import type { EngineOptions } from '../types.ts'
import type { Resolved } from './evtx-flatten.ts'
import { flattenEvtx } from './evtx-flatten.ts'
import { resolveLiteralOrDotted } from './field-path.ts'
import type { KeywordLeaf, Leaf, ScalarLeaf } from './subject.ts'
import { collectKeywordLeaves, collectLeaves } from './subject.ts'

/** A field as the tests see it: where it came from and its scalar leaves. */
export interface FieldLookup {
  resolved: Resolved | undefined
  leaves: Leaf[]
  /** The scalar leaves only: what string, number and network tests look at. */
  scalars: ScalarLeaf[]
}

const ABSENT: FieldLookup = { resolved: undefined, leaves: [], scalars: [] }

function fieldLookup(resolved: Resolved): FieldLookup {
  const leaves = collectLeaves(resolved.value, resolved.path)
  const scalars: ScalarLeaf[] = []
  for (const leaf of leaves) if (leaf.kind === 'scalar') scalars.push(leaf)
  return { resolved, leaves, scalars }
}

export class EventView implements PreparedEvent {
  private evtx: Map<string, Resolved> | null | undefined
  private leaves: KeywordLeaf[] | undefined
  /** Items on the same field share one lookup, so each value is parsed and lower-cased once. */
  private readonly fields = new Map<string, FieldLookup>()

  constructor(
    readonly raw: unknown,
    private readonly flatten: boolean,
  ) {}

  /** The value a (mapped) field name names, or undefined when the event has no such field. */
  resolve(field: string): Resolved | undefined {
    const direct = resolveLiteralOrDotted(this.raw, field)
    if (direct || !this.flatten) return direct
    if (this.evtx === undefined) this.evtx = flattenEvtx(this.raw) ?? null
    return this.evtx?.get(field)
  }

  lookup(field: string): FieldLookup {
    let found = this.fields.get(field)
    if (found === undefined) {
      const resolved = this.resolve(field)
      found = resolved ? fieldLookup(resolved) : ABSENT
      this.fields.set(field, found)
    }
    return found
  }

  /** Every string and number leaf, for keyword search. */
  keywordLeaves(): KeywordLeaf[] {
    return (this.leaves ??= collectKeywordLeaves(this.raw))
  }
}

export function prepareEvent(raw: unknown, options: EngineOptions): PreparedEvent {
  return new EventView(raw, options.flattenEvtx !== false)
}

/** Accepts any PreparedEvent; one not made by prepareEvent is readied with the defaults. */
export function asView(event: PreparedEvent): EventView {
  return event instanceof EventView ? event : new EventView(event.raw, true)
}
