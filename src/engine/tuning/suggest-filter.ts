/**
 * Suggest a filter: from the matching events marked "should not match", the narrowest
 * `filter_optional_*` blocks that capture what they have in common, so that the unmarked
 * events of the same kind go too, while every event marked "should match" keeps matching.
 *
 * Each marked event seeds a block unless an earlier block already removes it. A block starts
 * from the seed's most telling item that other matches share (fields in the logsource's order
 * of priority: parent process, image, original name, command line, user, hashes…) and adds
 * items only while it would still remove an event marked "should match"; then any item that
 * changes nothing on these events is dropped. What the blocks remove is checked with the real
 * engine afterwards (see proposal-check.ts).
 */
import type { FieldPairs } from './event-fields.ts'
import { candidates, filterFields, itemHolds, itemKey } from './filter-items.ts'
import type { Expectations, FilterBlock, FilterItem, FilterProposal } from './types.ts'
import type { VerdictColumns } from './view.ts'
import { drain, STEP_ITEMS, type Steps } from './steps.ts'

export interface SuggestInput {
  nonce: number
  rows: VerdictColumns
  expect: Expectations
  fieldsOf(index: number): FieldPairs
  logsource?: Record<string, string>
}

/** Removed events listed in the proposal (the count is always exact). */
const LISTED = 200

class Support {
  private cache = new Map<string, Set<number>>()
  constructor(
    private readonly matches: number[],
    private readonly fieldsOf: (i: number) => FieldPairs,
  ) {}

  /** The matching events an item holds for; a new item costs a pass over every match. */
  *of(item: FilterItem): Steps<Set<number>> {
    const key = itemKey(item)
    let set = this.cache.get(key)
    if (!set) {
      set = new Set()
      for (let k = 0; k < this.matches.length; k++) {
        if (k > 0 && k % STEP_ITEMS === 0) yield k
        const i = this.matches[k] as number
        if (itemHolds(item, this.fieldsOf(i))) set.add(i)
      }
      this.cache.set(key, set)
    }
    return set
  }

  /** The matching events every item holds for. */
  *ofAll(items: FilterItem[]): Steps<Set<number>> {
    const [first, ...rest] = items
    if (!first) return new Set()
    const sets: Set<number>[] = []
    for (const item of rest) sets.push(yield* this.of(item))
    const firstSet = yield* this.of(first)
    return new Set([...firstSet].filter((i) => sets.every((s) => s.has(i))))
  }
}

const touches = (hit: Set<number>, keep: number[]) => keep.some((i) => hit.has(i))

function* buildBlock(
  seed: number,
  input: SuggestInput,
  support: Support,
  keep: number[],
): Steps<FilterItem[] | undefined> {
  const pairs = input.fieldsOf(seed)
  const own: FilterItem[] = []
  for (const field of filterFields(input.logsource)) {
    for (const [name, value] of pairs) if (name === field) own.push(...candidates(field, value))
  }
  // Per field, the narrowest item other matches share too, in the fields' order of priority.
  const recurring: FilterItem[] = []
  for (const item of own) {
    if (recurring.some((r) => r.field === item.field)) continue
    if ((yield* support.of(item)).size >= 2) recurring.push(item)
  }
  const rare = own.filter((item) => !recurring.some((r) => r.field === item.field))
  // The most telling shared item names the kind; more items narrow it only where it would
  // remove an event marked "should match".
  let items: FilterItem[] = []
  for (const item of [...recurring, ...rare]) {
    if (items.length > 0 && !touches(yield* support.ofAll(items), keep)) break
    items = [...items, item]
  }
  if (items.length === 0 || touches(yield* support.ofAll(items), keep)) return undefined
  // Drop the items (least telling first) that change nothing on these events.
  const hit = (yield* support.ofAll(items)).size
  for (let k = items.length - 1; k >= 0 && items.length > 1; k--) {
    const without = items.filter((_, j) => j !== k)
    if ((yield* support.ofAll(without)).size === hit) items = without
  }
  return items
}

/** `text` as part of an identifier: lower case, each run of other characters one `_`. */
export function identifierWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** `filter_optional_<word>`, numbered past the names `used` holds, which then holds it too. */
export function optionalFilterName(word: string, used: Set<string>): string {
  const stem = `filter_optional_${word}`
  let name = stem
  for (let n = 2; used.has(name); n++) name = `${stem}_${n}`
  used.add(name)
  return name
}

function slug(item: FilterItem): string {
  const base = item.value.split(/[\\/]/).pop() ?? item.value
  const text = item.modifier === 'cidr' ? item.value.split('/')[0] : base.replace(/\.\w+$/, '')
  return identifierWord(text ?? '').slice(0, 30) || item.field.toLowerCase()
}

function names(blocks: FilterItem[][], taken: readonly string[]): string[] {
  const used = new Set(taken)
  return blocks.map((items) => optionalFilterName(items[0] ? slug(items[0]) : 'tuning', used))
}

export function suggestFilter(input: SuggestInput): FilterProposal {
  return drain(suggestFilterSteps(input))
}

/** `suggestFilter`, pausing during each pass over the matches (see steps.ts). */
export function* suggestFilterSteps(input: SuggestInput): Steps<FilterProposal> {
  const { rows, expect, nonce } = input
  const matches: number[] = []
  for (let i = 0; i < rows.count; i++) if (rows.match[i] === 1) matches.push(i)
  const targets = matches.filter((i) => expect[i] === 'nomatch')
  const keep = matches.filter((i) => expect[i] === 'match')
  const empty = { nonce, blocks: [], removed: [], removedCount: 0, fixed: 0 }
  if (targets.length === 0) {
    return {
      ...empty,
      missed: 0,
      message: 'Mark at least one matching event as “should not match” first.',
    }
  }
  const support = new Support(matches, input.fieldsOf)
  const chosen: { items: FilterItem[]; hit: Set<number> }[] = []
  let missed = 0
  for (const target of targets) {
    if (chosen.some((b) => b.hit.has(target))) continue
    const items = yield* buildBlock(target, input, support, keep)
    if (!items) {
      missed++
      continue
    }
    chosen.push({ items, hit: yield* support.ofAll(items) })
  }
  const blockNames = names(
    chosen.map((c) => c.items),
    rows.names,
  )
  const blocks: FilterBlock[] = chosen.map((c, k) => ({
    name: blockNames[k] ?? '',
    items: c.items,
  }))
  const removed = matches.filter((i) => chosen.some((c) => c.hit.has(i)))
  const fixed = targets.filter((i) => chosen.some((c) => c.hit.has(i))).length
  return {
    nonce,
    blocks,
    removed: removed.slice(0, LISTED),
    removedCount: removed.length,
    fixed,
    missed: targets.length - fixed,
    message:
      missed > 0
        ? `${missed} marked ${missed === 1 ? 'event has' : 'events have'} nothing in common with the others that spares every “should match” event.`
        : undefined,
  }
}
