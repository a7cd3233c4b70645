/**
 * Field coverage over all the events (issue 7): for each field the rule reads, in how many
 * events it is present (through the rule's own field names: pipelines and mappings applied),
 * and for a field no event has, the event fields that look like it and the fix (a built-in
 * pipeline, or a field mapping). The rule editor's hover and the page's coverage note show it.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import type { PreparedEvent } from '../item.ts'
import { asView } from '../match/prepare-event.ts'
import type { OutlineItem } from '../rule/outline.ts'
import { viewFieldNames } from '../tuning/event-fields.ts'
import { STEP_ITEMS, type Steps } from '../tuning/steps.ts'
import type { Range } from '../types.ts'
import { missingFix, type MissingFix } from './field-misses.ts'

export interface FieldCoverage extends Partial<MissingFix> {
  /** The field as the rule writes it. */
  field: string
  /** Every place the rule names it. */
  keyRanges: Range[]
  /** Events that have it. */
  present: number
  /** Events looked at. */
  events: number
}

/** Events whose field names are gathered for look-alikes: enough to see every shape. */
const NAME_SAMPLE = 500

/**
 * `presence` holds, by a field's event names (JSON), how many events have any of them: a
 * caller that keeps it for the same events and options (the page, while the rule is edited)
 * walks the events only for names it has not counted yet.
 */
export function* fieldCoverageSteps(
  rule: CompiledRule,
  items: readonly OutlineItem[],
  raws: readonly unknown[],
  prepared: (index: number) => PreparedEvent,
  presence = new Map<string, number>(),
): Steps<FieldCoverage[]> {
  const byField = new Map<string, FieldCoverage>()
  for (const item of items) {
    if (!item.field || !item.keyRange) continue
    const known = byField.get(item.field)
    if (known) known.keyRanges.push(item.keyRange)
    else
      byField.set(item.field, {
        field: item.field,
        keyRanges: [item.keyRange],
        present: 0,
        events: raws.length,
      })
  }
  const fields = [...byField.values()]
  const uncounted: { field: FieldCoverage; names: readonly string[]; key: string }[] = []
  for (const field of fields) {
    const names = rule.eventFieldsOf(field.field)
    const key = JSON.stringify(names)
    const counted = presence.get(key)
    if (counted === undefined) uncounted.push({ field, names, key })
    else field.present = counted
  }
  if (uncounted.length > 0) {
    for (let e = 0; e < raws.length; e++) {
      if (e > 0 && e % STEP_ITEMS === 0) yield e
      const view = asView(prepared(e))
      for (const { field, names } of uncounted)
        if (names.some((name) => view.lookup(name).resolved !== undefined)) field.present++
    }
    for (const { field, key } of uncounted) presence.set(key, field.present)
  }
  const absent = fields.filter((f) => f.present === 0)
  if (absent.length === 0 || raws.length === 0) return fields
  const seen = new Set<string>()
  // Named as the rule's options read the events (unflattened, Image is Event.EventData.Image).
  for (let e = 0; e < Math.min(raws.length, NAME_SAMPLE); e++)
    for (const name of viewFieldNames(asView(prepared(e)))) seen.add(name)
  const eventNames = [...seen]
  for (const f of absent) Object.assign(f, missingFix(f.field, eventNames))
  return fields
}
