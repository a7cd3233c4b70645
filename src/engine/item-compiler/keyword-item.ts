/**
 * A compiled keyword item (§2.4): each value is searched in every string and number leaf of
 * the event (keys and booleans excluded); values OR, or AND with `all`, each independently.
 */
import type { CompiledItem, PreparedEvent } from '../item.ts'
import type { FieldTrace, KeywordTrace, Range, ValueTrace } from '../types.ts'
import type { ValueSource } from './compiled-value.ts'
import type { LeafTest } from './leaf-tests.ts'
import type { KeywordLeaf } from '../match/subject.ts'
import { asView } from '../match/prepare-event.ts'

export interface KeywordItemSpec {
  modifiers: string[]
  keyRange: Range
  range: Range
  linking: 'or' | 'and'
  negated: boolean
  values: { alternatives: { test: LeafTest; variant?: string }[]; source: ValueSource }[]
}

function searchValue(
  alternatives: KeywordItemSpec['values'][number]['alternatives'],
  leaves: KeywordLeaf[],
) {
  for (const leaf of leaves)
    for (const alt of alternatives)
      if (alt.test.test(leaf.subject)) return { leaf, variant: alt.variant }
  return undefined
}

export function makeKeywordItem(spec: KeywordItemSpec): CompiledItem {
  const all = spec.linking === 'and'

  const match = (event: PreparedEvent): boolean => {
    const leaves = asView(event).keywordLeaves()
    let inner = all
    for (const value of spec.values) {
      if ((searchValue(value.alternatives, leaves) !== undefined) !== all) {
        inner = !all
        break
      }
    }
    return spec.negated ? !inner : inner
  }

  const explain = (event: PreparedEvent): KeywordTrace | FieldTrace => {
    const leaves = asView(event).keywordLeaves()
    const values = spec.values.map(({ alternatives, source }): ValueTrace => {
      const { index, range, text } = source
      const hit = searchValue(alternatives, leaves)
      // Written out, not spread from a common base: a key added after a spread costs a hidden
      // class per object in Node 20's V8.
      if (!hit) {
        const reason = leaves.length === 0 ? 'absent' : 'differs'
        return { type: 'value', index, range, text, value: false, reason }
      }
      const trace: ValueTrace = {
        type: 'value',
        index,
        range,
        text,
        value: true,
        path: hit.leaf.path,
        actual: hit.leaf.subject.raw,
      }
      if (hit.variant !== undefined) trace.variant = hit.variant
      return trace
    })
    const inner = all ? values.every((v) => v.value) : values.some((v) => v.value)
    const value = spec.negated ? !inner : inner
    if (spec.modifiers.length === 0)
      return { type: 'keywords', range: spec.range, value, linking: spec.linking, values }
    return {
      type: 'field',
      field: '',
      modifiers: spec.modifiers,
      keyRange: spec.keyRange,
      range: spec.range,
      value,
      linking: spec.linking,
      negated: spec.negated,
      lookups: [],
      values,
    }
  }

  return { match, explain }
}
