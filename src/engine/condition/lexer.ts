/**
 * Condition tokens: parentheses, `|` (only to refuse it) and whole words. Words are whole, so
 * identifiers that merely begin with `not`, `and` or `or` (`notepad_sel`) stay identifiers.
 */
import type { Range } from '../types.ts'

export interface Token {
  kind: 'lparen' | 'rparen' | 'pipe' | 'word'
  text: string
  /** Range in the rule text. */
  range: Range
}

const SPACE = /\s/
const DELIMITER = /[\s()|]/

export function tokenize(condition: string, toSource: (i: number) => number): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < condition.length) {
    const c = condition[i] ?? ''
    if (SPACE.test(c)) {
      i++
      continue
    }
    let end = i + 1
    const kind: Token['kind'] =
      c === '(' ? 'lparen' : c === ')' ? 'rparen' : c === '|' ? 'pipe' : 'word'
    if (kind === 'word')
      while (end < condition.length && !DELIMITER.test(condition[end] ?? '')) end++
    tokens.push({
      kind,
      text: condition.slice(i, end),
      range: [toSource(i), toSource(end - 1) + 1],
    })
    i = end
  }
  return tokens
}
