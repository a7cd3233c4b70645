/**
 * One `Field|mod1|mod2: values` entry (or a keyword list) turned into the ItemSource the item
 * level compiles, with a source range for the field, every modifier and every value.
 */
import { isScalar, type Document, type Pair } from 'yaml'
import { error, warning } from '../diagnostics.ts'
import type { ItemSource } from '../item.ts'
import type { Diagnostic, Range, Scalar } from '../types.ts'
import {
  asMap,
  asSeq,
  isScalarNode,
  keyText,
  nodeRange,
  pairRange,
  resolveNode,
  scalarOf,
  trimRange,
} from '../yaml/nodes.ts'

export interface SourceContext {
  text: string
  /** The parsed document, for anchors and aliases (absent on the fast path). */
  doc: Document | undefined
  diagnostics: Diagnostic[]
}

/** Where the key's text starts in the source (after an opening quote), if it can be located. */
function keyTextStart(text: string, range: Range, key: string): number | undefined {
  const at = text.slice(range[0], range[1]).indexOf(key)
  return at >= 0 ? range[0] + at : undefined
}

export function fieldItemSource(
  pair: Pair<unknown, unknown>,
  ctx: SourceContext,
): ItemSource | undefined {
  const key = keyText(pair)
  const keyRange = nodeRange(pair.key)
  const start = keyTextStart(ctx.text, keyRange, key)
  const parts = key.split('|')
  const modifiers: ItemSource['modifiers'] = []
  let offset = (parts[0] ?? '').length + 1
  for (const name of parts.slice(1)) {
    const range: Range =
      start === undefined ? keyRange : [start + offset, start + offset + name.length]
    modifiers.push({ name, range })
    offset += name.length + 1
  }
  const values = itemValues(pair.value, keyRange, key, ctx)
  if (!values) return undefined
  const field = parts[0] ?? ''
  return {
    field: field === '' ? null : field,
    modifiers,
    values,
    keyRange,
    range: pairRange(pair, ctx.text),
  }
}

function itemValues(
  raw: unknown,
  keyRange: Range,
  key: string,
  ctx: SourceContext,
): ItemSource['values'] | undefined {
  const node = resolveNode(raw, ctx.doc)
  const range = node ? nodeRange(node, keyRange) : ([keyRange[1], keyRange[1]] as Range)
  const seq = asSeq(node)
  if (seq) {
    // pySigma reads `Field: []` as `Field: null`.
    if (seq.items.length === 0) return [{ value: null, range }]
    const values: ItemSource['values'] = []
    let ok = true
    for (const element of seq.items) {
      const resolved = resolveNode(element, ctx.doc)
      const value = scalarValue(resolved, key, ctx)
      if (value === undefined) ok = false
      else values.push({ value, range: nodeRange(resolved, range) })
    }
    return ok ? values : undefined
  }
  const value = scalarValue(node, key, ctx)
  return value === undefined ? undefined : [{ value, range }]
}

function scalarValue(node: unknown, key: string, ctx: SourceContext): Scalar | undefined {
  if (asMap(node)) {
    ctx.diagnostics.push(
      error(
        'UNSUPPORTED_VALUE',
        `\`${key}\` holds a nested map, which Sigma does not support: use a dotted field name (e.g. \`${key || 'a'}.b\`) instead.`,
        trimRange(ctx.text, nodeRange(node)),
      ),
    )
    return undefined
  }
  if (!isScalarNode(node) || scalarOf(node) === undefined) {
    ctx.diagnostics.push(
      error(
        'UNSUPPORTED_VALUE',
        `\`${key}\`: values are strings, numbers, booleans or null; nested lists are not supported.`,
        nodeRange(node),
      ),
    )
    return undefined
  }
  const written = zeroPaddedNumber(node)
  if (written !== undefined) {
    ctx.diagnostics.push(
      warning(
        'UNQUOTED_NUMBER_STRING',
        `\`${written}\` is read as the text '${written}' (as pySigma reads it), not the number ${Number(written)}: quote it to say so.`,
        nodeRange(node),
      ),
    )
    return written
  }
  return scalarOf(node)
}

/**
 * `00000429` is the number 429 in YAML 1.2 but the string '00000429' in the YAML 1.1 that
 * pySigma and SigmaHQ use; such values are codes (keyboard layouts, flags), never numbers.
 */
function zeroPaddedNumber(node: unknown): string | undefined {
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'number') return undefined
  const source = (node as { source?: unknown }).source
  return typeof source === 'string' && /^[-+]?0[0-9]+$/.test(source) ? source : undefined
}

/** A keyword search: field-less values matched anywhere in the event. */
export function keywordItemSource(
  values: { node: unknown }[],
  range: Range,
  ctx: SourceContext,
): ItemSource | undefined {
  const out: ItemSource['values'] = []
  for (const { node } of values) {
    const value = scalarValue(node, '', ctx)
    if (value === undefined) return undefined
    out.push({ value, range: nodeRange(node, range) })
  }
  return { field: null, modifiers: [], values: out, keyRange: [range[0], range[0]], range }
}
