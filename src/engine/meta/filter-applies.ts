/**
 * Does a filter apply to a rule? As pySigma decides (sigma-reference §9): the rule is named in
 * `rules` by id or name (or `rules` is `any`), and the rule's log source is contained in the
 * filter's: every one of category, product and service the filter sets equals the rule's; the
 * ones it leaves out match anything.
 */
import type { FilterSource } from './filter-document.ts'

export interface RuleIdentity {
  id?: string
  name?: string
  title?: string
  logsource?: Record<string, string>
}

export type Applicability = { applies: true } | { applies: false; why: string }

export function filterApplies(filter: FilterSource, rule: RuleIdentity): Applicability {
  if (filter.rules !== 'any') {
    const named = filter.rules.some((r) => r.ref === rule.id || r.ref === rule.name)
    if (!named) {
      const refs = filter.rules.map((r) => `'${r.ref}'`).join(', ') || 'nothing'
      return {
        applies: false,
        why: `its \`rules\` (${refs}) name no rule here by id or name${ruleWords(rule)}`,
      }
    }
  }
  for (const [key, value] of Object.entries(filter.logsource)) {
    const ruleValue = rule.logsource?.[key]
    if (ruleValue !== value)
      return {
        applies: false,
        why: `its logsource is not contained in the rule's: the filter sets ${key}: ${value}, the rule ${ruleValue === undefined ? `sets no ${key}` : `has ${key}: ${ruleValue}`}`,
      }
  }
  return { applies: true }
}

function ruleWords(rule: RuleIdentity): string {
  const parts: string[] = []
  if (rule.id) parts.push(`id ${rule.id}`)
  if (rule.name) parts.push(`name ${rule.name}`)
  return parts.length > 0 ? ` (the rule has ${parts.join(', ')})` : ' (the rule has no id or name)'
}
