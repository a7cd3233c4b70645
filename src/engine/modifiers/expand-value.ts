/**
 * For hovers: what a rule value turns into under its modifiers — every windash spelling, the
 * base64 / base64offset strings, the UTF-16 bytes, a network's bounds, a plain reading of
 * wildcards and escapes. Never throws.
 */
import type { EngineOptions } from '../types.ts'
import type { Token } from '../match/glob.ts'
import { hasWildcard } from '../match/glob.ts'
import { networkFacts } from './cidr.ts'
import { applyModifiers, checkModifiers } from './pipeline.ts'
import { toJsRegex } from './re.ts'
import type { TypedValue } from './typed-value.ts'

const MAX_VARIANTS = 64

export interface ValueExpansion {
  variants: string[]
  truncated: boolean
  note?: string
}

function hex(text: string): string {
  return [...text]
    .map((ch) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
    .join(' ')
}

const quote = (s: string) => `“${s}”`

/** Plain-language reading of a pattern: literal runs, "any text", "one character". */
function readPattern(tokens: readonly Token[]): string {
  if (tokens.length === 0) return 'exactly the empty string'
  if (!hasWildcard(tokens) && !tokens.some((t) => t.t === 'dash'))
    return `exactly ${quote(tokens.map((t) => (t.t === 'lit' ? t.s : '')).join(''))}`
  return tokens
    .map((t) =>
      t.t === 'lit'
        ? quote(t.s)
        : t.t === 'star'
          ? 'any text'
          : t.t === 'one'
            ? 'one character'
            : 'any dash',
    )
    .join(', then ')
}

/** The escapes a value uses, read as §3.3 reads them. */
function readEscapes(raw: string): string[] {
  const notes: string[] = []
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue
    const next = raw[i + 1]
    if (next === '*' || next === '?') notes.push(`\\${next} is a literal ${next}`)
    else if (next === '\\') notes.push('\\\\ is one literal backslash')
    if (next === '*' || next === '?' || next === '\\') i++
  }
  return [...new Set(notes)]
}

function render(value: TypedValue): string[] {
  switch (value.kind) {
    case 'string': {
      const text = value.tokens
        .map((t) => (t.t === 'lit' ? t.s : t.t === 'star' ? '*' : t.t === 'one' ? '?' : '[-/–—―]'))
        .join('')
      return [value.bytes ? hex(text) : text]
    }
    case 'cidr': {
      const f = networkFacts(value.network)
      return [`network ${f.network}`, `first ${f.first}`, `last ${f.last}`, `size ${f.size}`]
    }
    case 'regex': {
      const js = toJsRegex(value.source, value.flags)
      return [`/${js.source}/${js.flags}`]
    }
    case 'fieldref':
      return [`the value of field ${value.field} (${value.position})`]
    case 'compare':
      return [`${value.part ? `${value.part} of the date` : 'number'} ${value.op} ${value.value}`]
    case 'exists':
      return [value.value ? 'field present' : 'field absent']
    case 'null':
      return ['field absent or null']
    default:
      return [String(value.value)]
  }
}

export function expandValue(
  modifiers: string[],
  value: string,
  options: EngineOptions = {},
): ValueExpansion {
  try {
    const refs = modifiers.map((name) => ({ name, range: [0, 0] as const }))
    const { checked, diagnostics } = checkModifiers(refs, false)
    if (diagnostics.length > 0)
      return { variants: [], truncated: false, note: diagnostics[0]?.message }
    const applied = applyModifiers(checked, value, [0, 0], options)
    if (!applied.alternatives)
      return { variants: [], truncated: false, note: applied.diagnostics[0]?.message }
    const all = applied.alternatives.flatMap((alt) => render(alt.value))
    const notes: string[] = []
    const only = applied.alternatives[0]?.value
    if (applied.alternatives.length === 1 && only?.kind === 'string' && !only.bytes)
      notes.push(`Matches ${readPattern(only.tokens)}`)
    const noRaw = checked[0]?.def.family === 're' || checked[0]?.def.family === 'cidr'
    if (!noRaw) notes.push(...readEscapes(value))
    if (applied.alternatives.length > 1)
      notes.push(`${applied.alternatives.length} alternatives, any may match`)
    const result: ValueExpansion = {
      variants: all.slice(0, MAX_VARIANTS),
      truncated: all.length > MAX_VARIANTS,
    }
    if (notes.length > 0) result.note = notes.join('; ')
    return result
  } catch (error) {
    return { variants: [], truncated: false, note: String(error) }
  }
}
