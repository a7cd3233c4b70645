/** The literal run a regex screen looks for: one every match holds, or none when unsure. */
import { expect, test } from 'vitest'
import { regexNeedle } from '../../../src/engine/ruleset/regex-needle.ts'

test.each([
  ['^a+$', 'a'],
  ['(?i)invoke-(expression|webrequest)\\s+HTTP', 'invoke-'],
  ['ab?cde', 'cde'],
  ['a{0,2}bcd', 'bcd'],
  ['\\.exe$', '.exe'],
  ['x[abc]yz\\.dll', 'yz.dll'],
  ['(?:ab|cd)efg', 'efg'],
  // A repeated character ends the run after it: `abbcd` holds `ab` and `bcd`, not `abcd`.
  ['ab+cd', 'ab'],
  ['ab{2}c', 'ab'],
  ['ab*?cd', 'cd'],
  ['\\\\windows\\\\system32\\\\', '\\windows\\system32\\'],
  ['[)]abc', 'abc'],
  // Characters outside ASCII only end a run.
  ['ü+abcd', 'abcd'],
  // Codes and references run past their letter: their digits and names are not literals.
  ['z\\x41bc', 'bc'],
  ['x\\u0041yz', 'yz'],
  ['\\cJzz', 'zz'],
  ['(?<n>q)\\k<n>rs', 'rs'],
  ['(a)\\12bc', 'bc'],
  ['\\0123ab', 'ab'],
  // No needle: alternation at the top, a `{` that is no quantifier, nothing literal.
  ['foo|bar', null],
  ['a{', null],
  ['\\d+\\s*', null],
])('%s → %s', (source, needle) => {
  expect(regexNeedle(source, '')).toBe(needle)
  // Every needle is in a match of its regex (folded).
  if (needle !== null) {
    const sample: Record<string, string> = {
      '^a+$': 'aaa',
      '(?i)invoke-(expression|webrequest)\\s+HTTP': 'INVOKE-Expression http',
      'ab+cd': 'abbbcd',
      'ab{2}c': 'abbc',
      'z\\x41bc': 'zAbc',
      'x\\u0041yz': 'xAyz',
      '\\cJzz': '\nzz',
      '(?<n>q)\\k<n>rs': 'qqrs',
    }
    const text = sample[source]
    if (text) expect(text.toLowerCase()).toContain(needle)
  }
})
