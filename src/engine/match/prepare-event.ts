/**
 * An event readied for many item tests: field lookups go through it, and the event-log flat
 * table and the keyword leaves are built lazily, once per event.
 */
import type { PreparedEvent } from '../item.ts'
import type { EngineOptions } from '../types.ts'
import { detectShape, readsFlat, type EventShape, type ShapeOverride } from '../events/shapes.ts'
import { Resolved } from './resolved.ts'
import { flattenEvtx } from './evtx-flatten.ts'
import { flattenWinlogbeat } from './winlogbeat-flatten.ts'
import { ALIASED_FIELDS, isProcessStartAudit, processAlias } from './process-aliases.ts'
import { resolveLiteralOrDotted } from './field-path.ts'
import { isObject } from '../json-object.ts'
import type { KeywordLeaf, Leaf, ScalarLeaf } from './subject.ts'
import { collectKeywordLeaves, collectLeaves, isScalarLeaf } from './subject.ts'

/** A field as the tests see it: where it came from and its scalar leaves (a class: resolved.ts). */
export class FieldLookup {
  constructor(
    readonly resolved: Resolved | undefined,
    readonly leaves: Leaf[],
    /** The scalar leaves only: what string, number and network tests look at. */
    readonly scalars: ScalarLeaf[],
  ) {}
}

const ABSENT = new FieldLookup(undefined, [], [])

function fieldLookup(resolved: Resolved): FieldLookup {
  const leaves = collectLeaves(resolved.value, resolved.path)
  // Nearly every field holds scalars alone: its leaves are then its scalars, one array for both.
  const scalars = leaves.every(isScalarLeaf) ? leaves : leaves.filter(isScalarLeaf)
  return new FieldLookup(resolved, leaves, scalars)
}

/** The body's flat names for its layout, or null when it is read as it is. */
function flatTable(shape: EventShape): Map<string, Resolved> | null {
  if (shape.body === 'evtx') return flattenEvtx(shape.value, shape.base) ?? null
  if (shape.body === 'winlogbeat') return flattenWinlogbeat(shape.value, shape.base) ?? null
  return null
}

export class EventView implements PreparedEvent {
  /** The event out of its envelope, and the layout its fields are read by. */
  readonly shape: EventShape
  private table: Map<string, Resolved> | null | undefined
  private leaves: KeywordLeaf[] | undefined
  /** Items on the same field share one lookup, so each value is parsed and lower-cased once. */
  private readonly fields = new Map<string, FieldLookup>()
  /** Facts read from the whole event, by key (its logsource fit under a route): see fact. */
  private facts: Map<string, unknown> | undefined
  /** Whether the event is Security's 4688, read when a rule first asks for an aliased field. */
  private processStart: boolean | undefined

  /** `shape`: the record's shape when the caller has detected it already. */
  constructor(
    readonly raw: unknown,
    flatten: boolean,
    override?: ShapeOverride,
    shape = detectShape(raw, override, flatten),
  ) {
    this.shape = shape
  }

  /**
   * The value a (mapped) field name names, or undefined when the event has no such field. A
   * Security 4688 event answers Image and ParentImage from its own names (process-aliases.ts).
   */
  resolve(field: string): Resolved | undefined {
    return this.resolveAsNamed(field) ?? this.throughAlias(field)
  }

  /** What the event answers for `field` under another name only (none when it names it). */
  aliased(field: string): Resolved | undefined {
    const through = this.throughAlias(field)
    return through && !this.resolveAsNamed(field) ? through : undefined
  }

  private throughAlias(field: string): Resolved | undefined {
    const alias = processAlias(field)
    return alias && this.isProcessStartAudit() ? this.resolveAsNamed(alias) : undefined
  }

  private resolveAsNamed(field: string): Resolved | undefined {
    const { value, base } = this.shape
    const direct = resolveLiteralOrDotted(value, field)
    if (direct) return base ? new Resolved(`${base}.${direct.path}`, direct.value) : direct
    return this.flatFields()?.get(field)
  }

  private isProcessStartAudit(): boolean {
    this.processStart ??= isProcessStartAudit((name) => this.resolveAsNamed(name)?.value)
    return this.processStart
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

  /**
   * A fact about the event, read once: the page keeps prepared events while the rule is edited,
   * so each key asks again for what the event's identity already said.
   */
  fact<T>(key: string, read: () => T): T {
    const facts = (this.facts ??= new Map())
    if (facts.has(key)) return facts.get(key) as T
    const value = read()
    facts.set(key, value)
    return value
  }

  /**
   * The names among `fields` that `resolve` may answer, and maybe more (a name listed may still
   * resolve to nothing): each path of keys through nested objects, joined by dots (a literal
   * key and every dotted split are among them), and the event-log table's flat names. A path is
   * walked further only when it is in `prefixes` (a wanted name goes on after it and a dot).
   * Walked with an explicit stack, so any nesting depth works.
   */
  names(fields: ReadonlySet<string>, prefixes: ReadonlySet<string>): string[] {
    const out: string[] = []
    const pending: { node: unknown; path: string | null }[] = [
      { node: this.shape.value, path: null },
    ]
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const { node, path } = next
      if (!isObject(node)) continue
      for (const key of Object.keys(node)) {
        const name = path === null ? key : `${path}.${key}`
        if (fields.has(name)) out.push(name)
        if (prefixes.has(name)) pending.push({ node: node[key], path: name })
      }
    }
    const table = this.flatFields()
    if (table) for (const name of table.keys()) if (fields.has(name)) out.push(name)
    for (const name of ALIASED_FIELDS)
      if (fields.has(name) && this.isProcessStartAudit()) out.push(name)
    return out
  }

  /** The body's flat names for its layout (event-log JSON, Winlogbeat), or null when it has none. */
  flatFields(): ReadonlyMap<string, Resolved> | null {
    if (readsFlat(this.shape.body)) return null
    if (this.table === undefined) this.table = flatTable(this.shape)
    return this.table
  }

  /** Every string and number leaf, for keyword search. */
  keywordLeaves(): KeywordLeaf[] {
    return (this.leaves ??= collectKeywordLeaves(this.shape.value, this.shape.base))
  }
}

export function prepareEvent(raw: unknown, options: EngineOptions): PreparedEvent {
  return new EventView(raw, options.flattenEvtx !== false, options.eventShape)
}

/** Accepts any PreparedEvent; one not made by prepareEvent is readied with the defaults. */
export function asView(event: PreparedEvent): EventView {
  return event instanceof EventView ? event : new EventView(event.raw, true)
}
