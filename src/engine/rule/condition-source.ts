/**
 * The `condition` value(s) with a way back from a character of the condition string to its
 * offset in the rule text, so condition tokens get exact ranges even when the YAML scalar is
 * quoted or folded over several lines.
 */
import type { Pair } from 'yaml'
import { error } from '../diagnostics.ts'
import type { Range } from '../types.ts'
import { asSeq, nodeRange, resolveNode, scalarOf } from '../yaml/nodes.ts'
import type { SourceContext } from './item-source.ts'

export interface ConditionSource {
  text: string
  range: Range
  /** Rule-text offset of character `i` of `text` (`i === text.length` gives the end). */
  toSource(i: number): number
}

export function readConditions(
  pair: Pair<unknown, unknown>,
  ctx: SourceContext,
): ConditionSource[] {
  const node = resolveNode(pair.value, ctx.doc)
  const seq = asSeq(node)
  const nodes = seq ? seq.items.map((n) => resolveNode(n, ctx.doc)) : [node]
  const out: ConditionSource[] = []
  const keyRange = nodeRange(pair.key)
  if (seq && nodes.length === 0)
    ctx.diagnostics.push(
      error('MISSING_CONDITION', '`condition` is an empty list.', nodeRange(node, keyRange)),
    )
  for (const n of nodes) {
    const value = scalarOf(n)
    const range = nodeRange(n, [keyRange[1], keyRange[1]])
    if (typeof value !== 'string') {
      ctx.diagnostics.push(
        value === null
          ? error('MISSING_CONDITION', '`condition` is empty.', keyRange)
          : error(
              'CONDITION_SYNTAX',
              '`condition` must be a string (or a list of strings).',
              range,
            ),
      )
      continue
    }
    out.push({ text: value, range, toSource: offsetMapper(ctx.text, range, value) })
  }
  return out
}

/**
 * Plain and single-line quoted scalars appear verbatim in the source. For folded or escaped
 * ones, align the characters: each non-space character of the value is found in order in the
 * source slice; spaces (which folding may have made from line breaks) map to where we are.
 */
function offsetMapper(text: string, range: Range, value: string): (i: number) => number {
  const slice = text.slice(range[0], range[1])
  const at = slice.indexOf(value)
  if (at >= 0) {
    const base = range[0] + at
    return (i) => base + i
  }
  const positions = new Array<number>(value.length + 1)
  let p = range[0]
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c !== undefined && !/\s/.test(c)) {
      let q = p
      while (q < range[1] && text[q] !== c) q++
      if (q < range[1]) p = q
    }
    positions[i] = p
    if (c !== undefined && !/\s/.test(c) && text[p] === c) p++
  }
  positions[value.length] = Math.min(p, range[1])
  return (i) => positions[Math.max(0, Math.min(i, value.length))] ?? range[0]
}
