/**
 * The longest literal run every match of a regular expression holds, folded, for the screen
 * (needles.ts): SigmaHQ has hundreds of `|re` rules, and without a needle each is evaluated on
 * every event that has its field. Conservative by construction: any construct not understood
 * (a top-level `|`, escapes that are classes or references, a `{` that may be literal) only
 * ends a run, and a top-level alternation gives no needle at all.
 *
 * Only ASCII runs are kept: the regexes carry no `u` flag, so with `i` an ASCII character
 * matches only its ASCII case partner, and folding the event value with toLowerCase keeps such
 * a run inside it (context-dependent folding only touches characters outside ASCII).
 */
import { regexAtoms } from '../modifiers/regex-atoms.ts'
import { toJsRegex } from '../modifiers/re.ts'

/** Required literal runs of a regex source without top-level alternation, or null. */
function requiredRuns(source: string): string[] | null {
  const runs: string[] = []
  let run = ''
  const end = () => {
    if (run !== '') runs.push(run)
    run = ''
  }
  const atoms = regexAtoms(source)
  for (let step = atoms.next(); ; step = atoms.next()) {
    if (step.done) {
      if (step.value === 'alternation') return null
      end()
      return runs
    }
    const { literal, min, quantified } = step.value
    const code = literal?.charCodeAt(0) ?? 0
    if (code >= 0x20 && code < 0x7f && min >= 1) {
      run += literal
      // `ab+c` holds `ab` and `bc`, not `abc`: a repeated character ends the run after it.
      if (quantified) end()
    } else end()
  }
}

/** The needle of a `re` value: its longest required ASCII run, folded; null when none. */
export function regexNeedle(source: string, flags: string): string | null {
  const runs = requiredRuns(toJsRegex(source, flags).source)
  if (!runs) return null
  let longest = ''
  for (const run of runs) if (run.length > longest.length) longest = run
  return longest === '' ? null : longest.toLowerCase()
}
