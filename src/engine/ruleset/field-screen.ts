/**
 * The screen's needles sorted by where they must be: a needle index per event field, one for
 * any value (keywords), and per field the clauses its mere presence holds. A scan visits only
 * the fields the event has (EventView.names) and resolves each as the engine's lookup does,
 * so a needle is searched in exactly the values the rule's item would test, and a clause
 * such as `EventID: 16` no longer passes on any event with a 16 somewhere.
 *
 * Logs repeat most of their values (paths, users, hashes, channels), so each place remembers
 * what its index found in the values it met lately: a value met again costs a lookup, not a
 * scan. A place whose values seldom come back (GUIDs, times) stops remembering for a while.
 */
import { isObject } from '../json-object.ts'
import type { EventView } from '../match/prepare-event.ts'
import { parseDecimal } from '../modifiers/compare.ts'
import { CharClasses, NeedleIndex } from './needle-index.ts'
import type { Clause } from './needles.ts'

/** The needles of one place (a field, or any value). */
class Place {
  /** Per group of the index: its needles, and the clause it belongs to. */
  readonly texts: string[][] = []
  readonly clauses: number[] = []
  /** Clauses held as soon as the field is there. */
  readonly present: number[] = []
  index: NeedleIndex | undefined
  /** Some needle is a whole number, which numeric text may spell otherwise (`4.624e3`). */
  numeric = false
  /** The scan that last visited this place (a field may be named twice). */
  seen = 0
  report: (group: number) => void = () => {}
  /** What the index found in each value met lately: real logs repeat most of their values. */
  private readonly found = new Map<string, readonly number[]>()
  /** Values looked up in the memory, and found there, since it was last judged. */
  private lookups = 0
  private hits = 0
  /** Values still to be scanned without the memory, which missed too often when last judged. */
  private unremembered = 0

  /** Reports the groups with a needle in `text`, from memory when the value was met lately. */
  scan(text: string): void {
    const index = this.index as NeedleIndex
    if (text.length > REMEMBERED_LENGTH) return index.scan(text, this.report)
    if (this.unremembered > 0) {
      this.unremembered--
      return index.scan(text, this.report)
    }
    let groups = this.found.get(text)
    if (groups === undefined) {
      groups = this.scanGathered(index, text)
      if (this.found.size >= REMEMBERED_VALUES) this.found.clear()
      this.found.set(text, groups)
    } else {
      this.hits++
      for (let i = 0; i < groups.length; i++) this.report(groups[i] as number)
    }
    if (++this.lookups === JUDGED_AFTER) this.judge()
  }

  /** Scans `text` and reports its groups, gathered to be remembered. */
  private scanGathered(index: NeedleIndex, text: string): readonly number[] {
    collected.length = 0
    index.scan(text, collect)
    if (collected.length === 0) return NONE
    const groups = collected.slice()
    for (let i = 0; i < groups.length; i++) this.report(groups[i] as number)
    return groups
  }

  /**
   * A place whose values rarely come back (command lines, GUIDs, times) pays a lookup and an
   * entry for each and gains nothing: its memory is dropped, and rests for a while.
   */
  private judge(): void {
    if (this.hits < this.lookups * MIN_HIT_RATE) {
      this.found.clear()
      this.unremembered = RESTED_VALUES
    }
    this.lookups = 0
    this.hits = 0
  }
}

/**
 * Values longer than this are scanned each time: long values (command lines, scripts) repeat
 * less, and remembering them would hold much memory.
 */
const REMEMBERED_LENGTH = 256
/** Values remembered per place; a place with more forgets them all (the frequent come back). */
const REMEMBERED_VALUES = 4096
/**
 * Lookups between two judgements of a memory, the share of them it must answer, and its rest.
 * A miss costs a scan and an entry, a hit saves one scan: a memory answering 30-60% of its
 * lookups (short values that come back, long ones that do not) cost more than it saved, and
 * SigmaHQ's rule set screened events of fresh values 18-21% slower with it kept.
 */
const JUDGED_AFTER = 512
const MIN_HIT_RATE = 0.6
const RESTED_VALUES = 4096

const NONE: readonly number[] = []
/** The groups one scan reports, gathered to be remembered. */
const collected: number[] = []
const collect = (group: number) => {
  collected.push(group)
}

/** One event as the screen of a rule set reads it: its field names, listed once. */
export class ScreenedEvent {
  readonly names: readonly string[]

  /** `fields`: every field some screen reads; `prefixes`: their dotted beginnings. */
  constructor(
    readonly view: EventView,
    fields: ReadonlySet<string>,
    prefixes: ReadonlySet<string>,
  ) {
    this.names = view.names(fields, prefixes)
  }
}

export class FieldScreen {
  private readonly anywhere = new Place()
  private readonly fields = new Map<string, Place>()
  private scans = 0
  private hold: (clause: number) => void = () => {}

  constructor(clauses: readonly Clause[]) {
    clauses.forEach((clause, c) => {
      const groups = new Map<Place, string[]>()
      for (const { field, text } of clause) {
        const place = field === null ? this.anywhere : this.place(field)
        if (text === '') {
          place.present.push(c)
          continue
        }
        let texts = groups.get(place)
        if (!texts) {
          texts = []
          groups.set(place, texts)
          place.texts.push(texts)
          place.clauses.push(c)
        }
        texts.push(text)
        if (/^\d+$/.test(text)) place.numeric = true
      }
    })
    const places = [this.anywhere, ...this.fields.values()]
    // One numbering of characters for every index: 300 fields do not need 300 class tables.
    const chars = new CharClasses(places.flatMap((place) => place.texts.flat()))
    for (const place of places) {
      if (place.texts.length > 0) place.index = new NeedleIndex(place.texts, chars)
      const { clauses } = place
      place.report = (group) => this.hold(clauses[group] as number)
    }
  }

  private place(field: string): Place {
    let place = this.fields.get(field)
    if (!place) {
      place = new Place()
      this.fields.set(field, place)
    }
    return place
  }

  /** Calls `hold(c)` for each clause some needle of which the event holds (maybe twice). */
  scan(event: ScreenedEvent, hold: (clause: number) => void): void {
    this.hold = hold
    const scan = ++this.scans
    if (this.anywhere.index) scanKeywords(event.view.shape.value, this.anywhere)
    if (this.fields.size === 0) return
    const { view } = event
    for (const name of event.names) {
      const place = this.fields.get(name)
      if (place === undefined || place.seen === scan) continue
      place.seen = scan
      // Resolved, not looked up: a lookup readies every leaf for the tests, and most fields
      // screened are never tested (their rules are screened out).
      const resolved = view.resolve(name)
      if (resolved === undefined) continue
      for (const c of place.present) hold(c)
      if (place.index) searchValue(place, resolved.value)
    }
  }

  /** States of all the indexes: for benches and tests. */
  get states(): number {
    let states = 0
    for (const place of [this.anywhere, ...this.fields.values()]) states += place.index?.states ?? 0
    return states
  }
}

/**
 * Keywords search every string and number of the event (match/subject.ts
 * collectKeywordLeaves): each is scanned as it is found, with no paths or leaf objects.
 */
function scanKeywords(value: unknown, place: Place): void {
  const pending: unknown[] = [value]
  for (let next = pending.pop(); pending.length > 0 || next !== undefined; next = pending.pop()) {
    if (typeof next === 'string') place.scan(next)
    else if (typeof next === 'number') place.scan(String(next))
    else if (Array.isArray(next)) for (const item of next) pending.push(item)
    else if (isObject(next)) for (const key of Object.keys(next)) pending.push(next[key])
  }
}

/**
 * Each scalar of a field's value as the engine's tests read it (match/subject.ts): arrays are
 * searched element by element, at any depth; objects and nulls hold no text. A scalar is
 * searched as its text (the index folds it), and a numeric text also as its number.
 */
function searchValue(place: Place, value: unknown): void {
  if (typeof value === 'string') return searchText(place, value)
  if (typeof value === 'number' || typeof value === 'boolean') return place.scan(String(value))
  if (!Array.isArray(value)) return
  const pending: unknown[] = [value]
  for (let next = pending.pop(); next !== undefined || pending.length > 0; next = pending.pop()) {
    if (Array.isArray(next)) for (const item of next) pending.push(item)
    else if (typeof next === 'string') searchText(place, next)
    else if (typeof next === 'number' || typeof next === 'boolean') place.scan(String(next))
  }
}

function searchText(place: Place, text: string): void {
  place.scan(text)
  if (place.numeric) {
    const number = parseDecimal(text)
    const digits = number === undefined ? undefined : String(number)
    if (digits !== undefined && digits !== text) place.scan(digits)
  }
}
