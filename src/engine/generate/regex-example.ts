/**
 * One string that a regular expression finds, for the rule-driven event generator. Covers the
 * constructs rule authors write (literals, escapes, classes, groups, alternation, quantifiers,
 * anchors, lookarounds); anything else gives undefined and the caller says so. The result is
 * always checked against the real RegExp before it is used.
 */

interface Cursor {
  src: string
  at: number
  groups: string[]
}

const CLASS_SAMPLES: Record<string, string> = {
  d: '1',
  D: 'a',
  w: 'a',
  W: ' ',
  s: ' ',
  S: 'a',
}

export function regexExample(source: string, flags = ''): string | undefined {
  let example: string | undefined
  try {
    const cursor: Cursor = { src: source, at: 0, groups: [] }
    example = alternation(cursor)
    if (cursor.at !== source.length) return undefined
  } catch {
    return undefined
  }
  try {
    return example !== undefined && new RegExp(source, flags.replace(/[^imsu]/g, '')).test(example)
      ? example
      : undefined
  } catch {
    return undefined
  }
}

/** `a|b|c`: the first alternative that yields a sample. */
function alternation(c: Cursor): string | undefined {
  const options: (string | undefined)[] = [sequence(c)]
  while (c.src[c.at] === '|') {
    c.at++
    options.push(sequence(c))
  }
  return options.find((o) => o !== undefined && o !== '') ?? options.find((o) => o !== undefined)
}

function sequence(c: Cursor): string | undefined {
  let out = ''
  while (c.at < c.src.length && c.src[c.at] !== '|' && c.src[c.at] !== ')') {
    const piece = atom(c)
    if (piece === undefined) return undefined
    const times = quantifier(c)
    if (times === undefined) return undefined
    out += piece.repeat(times)
  }
  return out
}

/** How many times to repeat the atom just read: the least the quantifier allows. */
function quantifier(c: Cursor): number | undefined {
  const ch = c.src[c.at]
  let times = 1
  if (ch === '*' || ch === '?') {
    c.at++
    times = 0
  } else if (ch === '+') {
    c.at++
  } else if (ch === '{') {
    const m = /^\{(\d+)(,\d*)?\}/.exec(c.src.slice(c.at))
    if (!m) return 1
    c.at += m[0].length
    times = Number(m[1])
    if (times > 1000) return undefined
  } else {
    return 1
  }
  if (c.src[c.at] === '?' || c.src[c.at] === '+') c.at++
  return times
}

function atom(c: Cursor): string | undefined {
  const ch = c.src[c.at++]
  switch (ch) {
    case '^':
    case '$':
      return ''
    case '.':
      return 'a'
    case '\\':
      return escape(c)
    case '[':
      return charClass(c)
    case '(':
      return group(c)
    default:
      return ch
  }
}

function group(c: Cursor): string | undefined {
  let capturing = true
  let lookaround = false
  if (c.src[c.at] === '?') {
    const m = /^\?(:|=|!|<=|<!|<[A-Za-z_][\w]*>)/.exec(c.src.slice(c.at))
    if (!m) return undefined
    c.at += m[0].length
    capturing = m[1]?.startsWith('<') === true && m[1].endsWith('>')
    lookaround = ['=', '!', '<=', '<!'].includes(m[1] ?? '')
  }
  const slot = capturing ? c.groups.push('') - 1 : -1
  const inner = alternation(c)
  if (c.src[c.at] !== ')') return undefined
  c.at++
  if (inner === undefined) return undefined
  if (slot >= 0) c.groups[slot] = inner
  return lookaround ? '' : inner
}

function escape(c: Cursor): string | undefined {
  const ch = c.src[c.at++]
  if (ch === undefined) return undefined
  if (ch in CLASS_SAMPLES) return CLASS_SAMPLES[ch]
  if (ch === 'b' || ch === 'B') return ''
  if (ch === 'n') return '\n'
  if (ch === 't') return '\t'
  if (ch === 'r') return '\r'
  if (/[1-9]/.test(ch)) return c.groups[Number(ch) - 1] ?? ''
  const hex = ch === 'x' ? 2 : ch === 'u' ? 4 : 0
  if (hex) {
    const digits = c.src.slice(c.at, c.at + hex)
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined
    c.at += hex
    return String.fromCharCode(parseInt(digits, 16))
  }
  return ch
}

/** `[...]`: a character the class admits, checked with the class itself. */
function charClass(c: Cursor): string | undefined {
  const start = c.at - 1
  let i = c.at
  if (c.src[i] === '^') i++
  if (c.src[i] === ']') i++
  while (i < c.src.length && c.src[i] !== ']') i += c.src[i] === '\\' ? 2 : 1
  if (i >= c.src.length) return undefined
  c.at = i + 1
  const cls = new RegExp(`^${c.src.slice(start, c.at)}$`)
  const body = c.src.slice(start + 1, c.at - 1).replace(/^\^/, '')
  const candidates = [...body.replace(/\\./g, ''), 'a', 'x', '1', ' ', '_', '-', '.', '\\', '/']
  return candidates.find((ch) => cls.test(ch))
}
