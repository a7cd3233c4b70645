/**
 * Several detection rules in the rule editor (YAML `---`): every rule's verdict on every event,
 * with the filters that apply to each, from the engine's own compileSet/runSetSteps (what the
 * CLI prints as `"rules":{…}`). The rows, the painting and the tree follow the first rule; these
 * columns let each row show the other rules' verdicts too, so that no rule is evaluated
 * silently or left aside. Pure: it runs in the worker and in Node tests alike.
 */
import { compileSet, runSetSteps } from '../engine/index.ts'
import type { Diagnostic, EngineOptions, Range, SetRule } from '../engine/index.ts'

export interface RuleVerdicts {
  /** One per detection rule of the text, in text order; the first is the one painted. */
  rules: {
    /** `name`, else `id`, else `title` (as the CLI names it). */
    label: string
    title: string
    /** False when the rule has errors: it has no verdicts (its errors are in the diagnostics). */
    compiled: boolean
    /** Events it matched. */
    matches: number
    /** Where its document sits in the rule text. */
    range: Range
  }[]
  /** `match[event * rules.length + rule]` is 1 where that rule matched that event. */
  match: Uint8Array
}

const within = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1]

/** Each rule's verdicts, or undefined when the text holds fewer than two detection rules. */
export function* runRuleVerdicts(
  text: string,
  options: EngineOptions,
  events: readonly unknown[],
): Generator<number, RuleVerdicts | undefined> {
  const set = compileSet(text, options)
  if (set.rules.length < 2) return undefined
  // Verdicts only: the correlations (if any) have their own pass (correlations.ts).
  const run = yield* runSetSteps({ ...set, correlations: [] }, events, options)
  return verdictsOf(set.rules, run.matches)
}

/** The columns from each rule's verdicts (also those a correlation run already has). */
export function verdictsOf(
  setRules: readonly SetRule[],
  matches: readonly (readonly boolean[])[],
): RuleVerdicts | undefined {
  if (setRules.length < 2) return undefined
  const width = setRules.length
  const count = matches[0]?.length ?? 0
  const match = new Uint8Array(count * width)
  const rules = setRules.map((r, i) => {
    let matched = 0
    const column = matches[i] ?? []
    for (let e = 0; e < count; e++)
      if (column[e]) {
        match[e * width + i] = 1
        matched++
      }
    const title = r.meta.title ?? r.label
    return {
      label: r.label,
      title,
      compiled: r.rule !== undefined,
      matches: matched,
      range: r.range,
    }
  })
  return { rules, match }
}

/**
 * The diagnostics with the "only the first rule is evaluated" warning corrected, since now every
 * rule is: it says where its verdicts show.
 */
export function withRulesEvaluated(
  diagnostics: readonly Diagnostic[],
  verdicts: RuleVerdicts | undefined,
): Diagnostic[] {
  const rules = verdicts?.rules ?? []
  const head = rules[0]
  if (!head) return [...diagnostics]
  const first = head.title === head.label ? head.title : `${head.title} (${head.label})`
  return diagnostics.map((d) => {
    if (d.code !== 'MULTIPLE_DOCUMENTS') return d
    const rule = rules.find((r) => within(d.range, r.range))
    if (!rule) return d
    const evaluated = d.message.startsWith('Evaluated for the correlations')
      ? 'Evaluated for the correlations (see the timeline) and on every event'
      : 'Evaluated on every event'
    const matches = `${rule.matches} ${rule.matches === 1 ? 'match' : 'matches'}`
    return {
      ...d,
      severity: 'info' as const,
      message: `${evaluated}: each row shows this rule's verdict ("${rule.title}", ${matches}); the painting, the tree and the counts above follow the first rule, ${first}.`,
    }
  })
}
