/**
 * The trace in words, for the hovers of painted lines: "Image|endswith '\rundll32.exe'
 * matched Event.EventData.Image = 'C:\Windows\System32\rundll32.exe'", or why not. Rule and
 * event text is untrusted and only ever appears inside code spans.
 */
import {
  modifierFacts,
  type FieldTrace,
  type IdentifierTrace,
  type KeywordTrace,
  type MissReason,
  type SearchNodeTrace,
  type ValueTrace,
} from '../../engine/index.ts'
import { plural } from '../format.ts'
import { clip, codeSpan } from '../language/markdown.ts'

function quoted(value: unknown): string {
  if (typeof value === 'string') return codeSpan(`'${clip(value)}'`)
  if (value === undefined) return 'nothing'
  let text: string
  try {
    // JSON.stringify gives undefined for functions and symbols, throws on cycles and bigints.
    text = JSON.stringify(value) ?? typeof value
  } catch {
    text = typeof value
  }
  return codeSpan(clip(text))
}

/** Comparisons and date parts: their values are numbers. */
const numericModifiers = new Set(
  modifierFacts().flatMap((m) => (m.family === 'compare' || m.family === 'time' ? [m.name] : [])),
)

/** A rule value as written: numbers compared numerically are shown without quotes. */
function ruleValue(item: FieldTrace | KeywordTrace, text: string | undefined): string {
  const numeric = item.type === 'field' && item.modifiers.some((m) => numericModifiers.has(m))
  return numeric && text !== undefined ? codeSpan(text) : quoted(text)
}

function keyText(field: FieldTrace): string {
  return codeSpan([field.field, ...field.modifiers].join('|'))
}

function actualOf(field: FieldTrace, value?: ValueTrace): string {
  const path = value?.path ?? field.lookups[0]?.path ?? field.field
  const actual = value && 'actual' in value ? value.actual : field.lookups[0]?.value
  return `${codeSpan(path)} = ${quoted(actual)}`
}

const reasonWords: Record<MissReason, string> = {
  absent: 'the event has no such field',
  differs: 'the value differs',
  type: 'the field holds a type this test cannot apply to',
  case: 'it would match ignoring case, but `cased` is set',
  null: 'the field is null',
}

function valueList(field: FieldTrace, values: ValueTrace[]): string {
  if (values.length === 1) return ruleValue(field, values[0]?.text)
  return `any of ${values.length} values`
}

export function describeValue(field: FieldTrace | KeywordTrace, value: ValueTrace): string {
  const subject = ruleValue(field, value.text)
  const variant = value.variant ? ` (variant ${codeSpan(clip(value.variant))})` : ''
  const where = value.path ? ` ${codeSpan(value.path)} = ${quoted(value.actual)}` : ''
  if (value.value) return `✓ ${subject}${variant} matched${where}`
  const why = value.reason ? `: ${reasonWords[value.reason]}` : ''
  if (field.type === 'field' && value.reason === 'absent') return `✗ ${subject} not tested${why}`
  return `✗ ${subject} did not match${where}${why}`
}

export function describeField(field: FieldTrace): string {
  const key = keyText(field)
  const neg = field.negated ? ' (negated by `neq`)' : ''
  const hit = field.values.find((v) => v.value)
  if (field.value) {
    if (field.negated) return `✓ ${key} holds: none of its values matched ${actualOf(field)}`
    if (field.linking === 'and' && field.values.length > 1) {
      return `✓ ${key}: all ${field.values.length} values matched ${actualOf(field, hit)}`
    }
    const variant = hit?.variant ? ` (variant ${codeSpan(clip(hit.variant))})` : ''
    return `✓ ${key} ${ruleValue(field, hit?.text)}${variant} matched ${actualOf(field, hit)}`
  }
  if (field.lookups.length === 0 || field.reason === 'absent') {
    return `✗ ${key} did not match${neg}: the event has no field ${codeSpan(field.field)}`
  }
  if (field.negated) return `✗ ${key} failed: ${quoted(hit?.text)} matched ${actualOf(field, hit)}`
  if (field.linking === 'and' && field.values.length > 1) {
    const failed = field.values.filter((v) => !v.value).map((v) => quoted(v.text))
    return `✗ ${key}: not all values matched ${actualOf(field)}; missing ${failed.slice(0, 5).join(', ')}`
  }
  const reason = field.reason ?? field.values.find((v) => v.reason)?.reason
  const why = reason && reason !== 'differs' ? ` (${reasonWords[reason]})` : ''
  return `✗ ${key} ${valueList(field, field.values)} did not match ${actualOf(field)}${why}`
}

export function describeKeywords(keywords: KeywordTrace): string {
  const hit = keywords.values.find((v) => v.value)
  if (keywords.value && hit) return `✓ keyword ${describeValue(keywords, hit).slice(2)}`
  if (keywords.value) return '✓ all keywords found'
  return `✗ none of ${keywords.values.length} keyword(s) found in any field of the event`
}

function leaves(node: SearchNodeTrace): (FieldTrace | KeywordTrace)[] {
  if (node.type === 'field' || node.type === 'keywords') return [node]
  return node.children.flatMap(leaves)
}

const listedItems = 6

/** The identifier's verdict, then each of its items in one line (the glyph's hover). */
export function describeIdentifier(search: IdentifierTrace): string {
  const name = codeSpan(search.name)
  const kind = search.kind === 'filter' ? 'filter' : 'selection'
  const all = leaves(search.body)
  const hit = all.filter((leaf) => leaf.value).length
  const items = `${hit} of ${plural(all.length, 'item')} matched`
  const how = search.body.type === 'or' ? ' (any alternative suffices)' : ''
  const head = search.value
    ? `✓ ${kind} ${name} is true: ${items}${how}`
    : `✗ ${kind} ${name} is false: ${items}${how}`
  const lines = all
    .slice(0, listedItems)
    .map((leaf) => `- ${leaf.type === 'field' ? describeField(leaf) : describeKeywords(leaf)}`)
  if (all.length > listedItems) lines.push(`- …and ${all.length - listedItems} more`)
  return [head, lines.join('\n')].join('\n\n')
}
