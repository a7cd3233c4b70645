/**
 * Markdown for "what this value expands to". Variants are user-derived text (and may hold
 * NUL bytes from utf16 encodings), so they go into a code block with control characters
 * made visible.
 */
import { clip, codeSpan, escapeMarkdown } from './markdown.ts'

export interface Expansion {
  variants: string[]
  truncated: boolean
  note?: string
}

/** Control characters and lone surrogates shown as escapes, e.g. NUL as `\x00`. */
export function visible(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\x${code.toString(16).padStart(2, '0')}`
    } else if (code === 0xfeff) {
      out += '\\uFEFF'
    } else {
      out += ch
    }
  }
  return out
}

function codeBlock(lines: string[]): string {
  const body = lines.join('\n')
  const runs = body.match(/`{3,}/g) ?? []
  const fence = '`'.repeat(Math.max(3, ...runs.map((run) => run.length + 1)))
  return `${fence}text\n${body}\n${fence}`
}

const shownVariants = 25

/**
 * `alternatives`: the variants are values any of which may match (windash, base64offset…),
 * quoted so leading and trailing spaces stay visible. Otherwise they are facts about the one
 * value (a cidr network's first and last address) and are listed as they come.
 */
export function expansionMarkdown(
  value: string,
  expansion: Expansion,
  alternatives = true,
): string {
  const count = expansion.variants.length
  const subject = codeSpan(clip(visible(value), 80))
  const heading =
    alternatives && count > 1
      ? `${subject} expands to ${count}${expansion.truncated ? '+' : ''} variants:`
      : `${subject} becomes:`
  const shown = expansion.variants.slice(0, shownVariants).map((v) => clip(visible(v), 200))
  const lines = alternatives ? shown.map((v) => `'${v}'`) : shown
  const parts = [heading, codeBlock(lines)]
  if (count > shownVariants || expansion.truncated) {
    parts.push(`(showing the first ${Math.min(count, shownVariants)})`)
  }
  if (expansion.note) parts.push(`_${escapeMarkdown(expansion.note)}_`)
  return parts.join('\n\n')
}
