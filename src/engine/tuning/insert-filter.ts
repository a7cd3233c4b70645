/**
 * Inserts proposed `filter_optional_*` blocks into a rule's text: the blocks go after the last
 * search identifier, indented like it, and each condition gains `and not 1 of
 * filter_optional_*` (or the blocks by name, when other filter_optional_ identifiers exist).
 * Only those two places change, so the rest of the rule, formatting and comments included,
 * stays byte for byte. Positions come from the engine's compile result.
 */
import type { CompileResult } from '../compile.ts'
import type { Range } from '../types.ts'
import { itemYaml } from './filter-items.ts'
import type { FilterBlock } from './types.ts'

export type InsertResult = { ok: true; text: string } | { ok: false; message: string }

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1

function indentAt(text: string, offset: number): string {
  return text.slice(lineStart(text, offset), offset)
}

/** The indentation step the rule's identifier bodies use (four spaces if none shows). */
function stepOf(text: string, keyStart: number, end: number): string {
  const base = keyStart - lineStart(text, keyStart)
  // A flow-style body (`a: {x: 1}`) shows no step: use the keys' own indentation.
  const fallback = ' '.repeat(base || 4)
  const next = text.indexOf('\n', keyStart)
  if (next < 0 || next >= end) return fallback
  const line = /^[ ]*/.exec(text.slice(next + 1))?.[0].length ?? 0
  return line > base ? ' '.repeat(line - base) : fallback
}

export function blockYaml(block: FilterBlock, indent: string, step: string): string {
  const lines = [`${indent}${block.name}:`]
  for (const item of block.items) lines.push(`${indent}${step}${itemYaml(item)}`)
  return lines.join('\n') + '\n'
}

function newCondition(raw: string, addition: string): string | undefined {
  const quote = raw[0] === "'" || raw[0] === '"' ? raw[0] : ''
  if (raw.startsWith('|') || raw.startsWith('>')) return undefined
  const body = quote ? raw.slice(1, -1) : raw
  const wrapped = /\bor\b/i.test(body) ? `(${body})` : body
  return `${quote}${wrapped} ${addition}${quote}`
}

/** The rule's own document around its condition (filter documents may follow it). */
function documentAround(text: string, range: Range): Range {
  const start = text.lastIndexOf('\n---', range[0])
  const end = text.indexOf('\n---', range[1])
  return [start < 0 ? 0 : start, end < 0 ? text.length : end]
}

/** `compiled` is the engine's compile result for `ruleText` (engine/index.ts passes it). */
export function insertFilterBlocksWith(
  ruleText: string,
  blocks: FilterBlock[],
  compiled: Pick<CompileResult, 'identifiers' | 'conditionRanges'>,
): InsertResult {
  if (blocks.length === 0) return { ok: false, message: 'There is no filter to insert.' }
  const conditions: Range[] = compiled.conditionRanges ?? []
  const [docStart, docEnd] = conditions[0] ? documentAround(ruleText, conditions[0]) : [0, 0]
  const identifiers = compiled.identifiers.filter(
    (i) => i.range[0] >= docStart && i.range[1] <= docEnd,
  )
  const last = identifiers.reduce<(typeof identifiers)[number] | undefined>(
    (a, b) => (!a || b.range[1] > a.range[1] ? b : a),
    undefined,
  )
  if (!last || conditions.length === 0)
    return { ok: false, message: 'The rule needs a detection with a condition first.' }

  const others = identifiers.some((i) => i.name.startsWith('filter_optional_'))
  const addition = others
    ? blocks.map((b) => `and not ${b.name}`).join(' ')
    : 'and not 1 of filter_optional_*'

  const edits: { at: Range; text: string }[] = []
  for (const range of conditions) {
    const raw = ruleText.slice(range[0], range[1])
    if (!others || !blocks.every((b) => raw.includes(b.name))) {
      const updated = newCondition(raw, addition)
      if (updated === undefined)
        return { ok: false, message: 'The condition is a block scalar; add the filter by hand.' }
      edits.push({ at: range, text: updated })
    }
  }
  const end = last.range[1]
  const at = ruleText[end - 1] === '\n' ? end : ruleText.indexOf('\n', end) + 1 || ruleText.length
  const indent = indentAt(ruleText, last.keyRange[0])
  const step = stepOf(ruleText, last.keyRange[0], end)
  const newline = at === ruleText.length && !ruleText.endsWith('\n') ? '\n' : ''
  edits.push({
    at: [at, at],
    text: newline + blocks.map((b) => blockYaml(b, indent, step)).join(''),
  })
  edits.sort((a, b) => b.at[0] - a.at[0])
  let text = ruleText
  for (const edit of edits) text = text.slice(0, edit.at[0]) + edit.text + text.slice(edit.at[1])
  return { ok: true, text }
}
