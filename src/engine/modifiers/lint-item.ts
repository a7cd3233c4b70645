/**
 * Value-level warnings for one item, in the spirit of pySigma's validators and SigmaHQ's
 * conventions. They never stop a rule from compiling.
 */
import type { ItemSource } from '../item.ts'
import type { Diagnostic, DiagnosticCode, Range, Scalar } from '../types.ts'
import { modifiersIn, modifiersWhere } from './registry.ts'

function warn(code: DiagnosticCode, message: string, range: Range): Diagnostic {
  return { code, severity: 'warning', message, range }
}

/** Modifiers that rewrite the value into other bytes or spellings. */
const ENCODINGS = new Set(modifiersIn(['encoding', 'windash']))
const POSITIONAL = new Set(modifiersWhere((def) => def.position === true))

function sameKey(value: Scalar, cased: boolean): string {
  if (typeof value === 'string') return `s:${cased ? value : value.toLowerCase()}`
  return `${typeof value}:${String(value)}`
}

/**
 * The §3.3 trap: in a Windows path (`C:\\Temp\\*.zip`) the `\\*` eats the backslash and
 * the star is literal. Values without other path separators (`-Filter \\*`) are left alone.
 */
function looksLikeEscapedPathWildcard(value: string): boolean {
  return /(^|[^\\])\\\*/.test(value) && /\\[A-Za-z0-9$]/.test(value)
}

/** A final `*` is a wildcard unless an odd number of backslashes escapes it. */
function endsWithWildcard(value: string): boolean {
  if (!value.endsWith('*')) return false
  let backslashes = 0
  for (let i = value.length - 2; i >= 0 && value[i] === '\\'; i--) backslashes++
  return backslashes % 2 === 0
}

/** Control characters a double-quoted YAML escape makes of a Windows path's `\\x`. */
const ESCAPED = new Map<string, [string, string]>([
  ['\r', ['\\r', 'a carriage return']],
  ['\n', ['\\n', 'a line break']],
  ['\t', ['\\t', 'a tab']],
  ['\b', ['\\b', 'a backspace']],
  ['\f', ['\\f', 'a form feed']],
  ['\v', ['\\v', 'a vertical tab']],
  ['\0', ['\\0', 'a NUL']],
  ['\x07', ['\\a', 'a bell']],
  ['\x1b', ['\\e', 'an escape character']],
])

const ESCAPED_ANY = new RegExp(`[${[...ESCAPED.keys()].join('')}]`)

/** The classic trap: `"\\rundll32.exe"` in double quotes is a carriage return and `undll32.exe`. */
function escapedControl(value: string): string | undefined {
  const at = value.search(ESCAPED_ANY)
  const [escape, name] = (at >= 0 && ESCAPED.get(value.charAt(at))) || []
  if (!escape || !name) return undefined
  return `This value holds ${name}: in double quotes \`${escape}\` is an escape, not a backslash and a letter, so a path like this never matches. Use single quotes for Windows paths ('\\rundll32.exe').`
}

/**
 * An open-ended repeat inside a group repeated without bound, `(a+)+`, `(\\w*)*` or
 * `(?:.*\\)){1,}`: it backtracks for seconds on near misses. A group repeated a fixed number of
 * times (`(\\d+\\.){3}`) costs little and is left alone.
 */
const NESTED_QUANTIFIER = /\((?:\?:)?(?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/

export function lintItem(source: ItemSource): Diagnostic[] {
  const out: Diagnostic[] = []
  const names = source.modifiers.map((m) => m.name)
  const modifier = (name: string) => source.modifiers.find((m) => m.name === name)
  const raw = names.includes('re')
  const isStringPipeline = !raw && !names.includes('cidr') && !names.includes('fieldref')

  const all = modifier('all')
  if (all && source.values.length === 1)
    out.push(warn('ALL_SINGLE_VALUE', '`all` on a single value changes nothing', all.range))
  else if (all && source.field !== null && !names.some((n) => POSITIONAL.has(n)) && !raw)
    out.push(
      warn(
        'ALL_WITHOUT_CONTAINS',
        '`all` without `contains` asks one field to equal several values at once',
        all.range,
      ),
    )

  const offset = modifier('base64offset')
  if (offset && !names.slice(names.indexOf('base64offset')).includes('contains'))
    out.push(
      warn(
        'BASE64OFFSET_WITHOUT_CONTAINS',
        '`base64offset` strings are fragments: follow it with `contains`',
        offset.range,
      ),
    )

  const casedAt = names.indexOf('cased')
  const cased = source.modifiers[casedAt]
  if (cased && names.slice(casedAt + 1).some((n) => ENCODINGS.has(n)))
    out.push(
      warn(
        'CASED_LOST',
        '`cased` before an encoding or windash is lost: put it after them',
        cased.range,
      ),
    )

  const positional = names.includes('contains')
  const seen = new Set<string>()
  const hasNull = source.values.some((v) => v.value === null)
  for (const { value, range } of source.values) {
    const control = typeof value === 'string' ? escapedControl(value) : undefined
    if (control) out.push(warn('DOUBLE_QUOTED_ESCAPE', control, range))
    if (raw && typeof value === 'string' && NESTED_QUANTIFIER.test(value))
      out.push(
        warn(
          'REGEX_NESTED_QUANTIFIER',
          'A repeat inside a repeated group (like `(a+)+`) can backtrack for seconds on a long value that almost matches; the page stops it after 1 s and the CLI after --timeout. Rewrite it without the nesting (`a+`).',
          range,
        ),
      )
    const key = sameKey(value, casedAt >= 0)
    if (seen.has(key))
      out.push(warn('DUPLICATE_VALUE', 'This value is already listed for this item', range))
    seen.add(key)
    if (value === null && source.values.length > 1)
      out.push(
        warn(
          'NULL_IN_LIST',
          'The specification forbids `null` inside a value list: use a separate selection',
          range,
        ),
      )
    if (typeof value !== 'string' || !isStringPipeline) continue
    if (positional && value.length > 1 && (value.startsWith('*') || endsWithWildcard(value)))
      out.push(warn('CONTAINS_WITH_WILDCARD', '`contains` already adds `*` at both ends', range))
    if (value === '*' && !hasNull && names.length === 0)
      out.push(
        warn(
          'WILDCARD_ONLY_VALUE',
          "`'*'` matches any present non-null value: `|exists: true` may say it better",
          range,
        ),
      )
    if (looksLikeEscapedPathWildcard(value))
      out.push(
        warn(
          'ESCAPED_WILDCARD',
          '`\\*` is a literal star, not a folder then a wildcard: write `\\\\*` for that',
          range,
        ),
      )
  }
  return out
}
