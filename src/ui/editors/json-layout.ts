/**
 * "Format Document" for the events editor. It changes only the whitespace between tokens:
 * every string, number and literal is kept as written, so a 64-bit integer or an escaped
 * path is never rewritten the way a parse-and-stringify round trip would. Several top-level
 * values (NDJSON, concatenated objects) are laid out one after another.
 */
const INDENT = '  '
const LITERAL = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)$/

/** The laid-out text, or undefined when the text holds something other than JSON tokens. */
export function layOutJson(text: string): string | undefined {
  let out = ''
  let depth = 0
  /** Whether the previous token opened a container, so `{}` and `[]` stay on one line. */
  let justOpened = false
  let previousWasValue = false
  const newline = () => '\n' + INDENT.repeat(depth)
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue
    if (c === '"') {
      let end = i + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      if (end >= text.length) return undefined
      out += separator() + text.slice(i, end + 1)
      i = end
      previousWasValue = true
    } else if (c === '{' || c === '[') {
      out += separator() + c
      depth++
      justOpened = true
      previousWasValue = false
      continue
    } else if (c === '}' || c === ']') {
      if (depth === 0) return undefined
      depth--
      out += justOpened ? c : newline() + c
      previousWasValue = true
    } else if (c === ',') {
      out += ',' + newline()
      previousWasValue = false
    } else if (c === ':') {
      out += ': '
      previousWasValue = false
    } else if (/[-+.\w]/.test(c)) {
      let end = i
      while (end < text.length && /[-+.\w]/.test(text[end] as string)) end++
      const literal = text.slice(i, end)
      // evtx_dump's "Record 7" lines and the like: not JSON, so nothing is moved.
      if (!LITERAL.test(literal)) return undefined
      out += separator() + literal
      i = end - 1
      previousWasValue = true
    } else return undefined
    justOpened = false
  }
  return depth === 0 ? out + (out ? '\n' : '') : undefined

  /** What goes before a value: a line break inside a fresh container or between top-level values. */
  function separator(): string {
    if (justOpened) return newline()
    if (depth === 0 && previousWasValue) return '\n'
    return ''
  }
}
