/**
 * re (§4.5): the raw value as a regular expression, searched (unanchored). Python-only syntax
 * that JS lacks is translated: leading inline flags `(?i)`/`(?ims)`, `(?P<name>…)`, `(?P=name)`,
 * `\A` and `\Z`.
 */
import type { Refusal, TypedValue } from './typed-value.ts'
import { refuse } from './typed-value.ts'

export const REGEX_FLAG_MODIFIERS: Record<string, 'i' | 'm' | 's'> = {
  i: 'i',
  ignorecase: 'i',
  m: 'm',
  multiline: 'm',
  s: 's',
  dotall: 's',
}

/** Rewrites Python constructs outside character classes; escapes are copied untouched. */
function translateBody(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      if (!inClass && next === 'A') out += '^'
      else if (!inClass && next === 'Z') out += '(?![\\s\\S])'
      else out += ch + next
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      out += ch
      continue
    }
    if (ch === '[') {
      inClass = true
      out += ch
      // `[]…]` and `[^]…]`: a leading `]` is literal in Python.
      if (source[i + 1] === '^') out += source[++i]
      if (source[i + 1] === ']') {
        out += '\\]'
        i++
      }
      continue
    }
    if (source.startsWith('(?P<', i)) {
      out += '(?<'
      i += 3
      continue
    }
    const backref = /^\(\?P=(\w+)\)/.exec(source.slice(i, i + 64))
    if (backref) {
      out += `\\k<${backref[1]}>`
      i += backref[0].length - 1
      continue
    }
    out += ch
  }
  return out
}

export function toJsRegex(source: string, flags: string): { source: string; flags: string } {
  const flagSet = new Set(flags)
  let body = source
  for (let m = /^\(\?([ims]+)\)/.exec(body); m; m = /^\(\?([ims]+)\)/.exec(body)) {
    for (const f of m[1] as string) flagSet.add(f)
    body = body.slice(m[0].length)
  }
  return { source: translateBody(body), flags: [...flagSet].sort().join('') }
}

export function compileRegex(source: string, flags: string): RegExp | Refusal {
  const js = toJsRegex(source, flags)
  try {
    return new RegExp(js.source, js.flags)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return refuse('BAD_REGEX', `Regular expression '${source}' is invalid: ${reason}`, 'value')
  }
}

export function regexValue(raw: string): TypedValue | Refusal {
  const compiled = compileRegex(raw, '')
  if ('refused' in compiled) return compiled
  return { kind: 'regex', source: raw, flags: '' }
}
