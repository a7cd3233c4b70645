/**
 * A proposed filter written as a separate Sigma filter document (sigma-reference §9) appended
 * after the rule (`---`), instead of blocks edited into the rule's detection: the rule stays
 * byte for byte as it was, and the environment's exclusions live apart from it, as SigmaHQ
 * keeps them. The filter names the rule by `id` (else `name`) and copies its log source, so it
 * applies to exactly this rule.
 */
import type { RuleMeta } from '../types.ts'
import { blockYaml, type InsertResult } from './insert-filter.ts'
import type { FilterBlock } from './types.ts'

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`

/** `mf_<rule name>_tuning`, made unique against the names already in the text. */
function filterName(ruleText: string, meta: RuleMeta): string {
  const stem = (meta.name ?? meta.title ?? 'rule').toLowerCase().replace(/[^a-z0-9]+/g, '_')
  const base = `mf_${stem.replace(/^_+|_+$/g, '').slice(0, 40) || 'rule'}_tuning`
  let name = base
  for (let k = 2; new RegExp(`^name:\\s*['"]?${name}['"]?\\s*$`, 'm').test(ruleText); k++)
    name = `${base}_${k}`
  return name
}

export function appendFilterDocumentWith(
  ruleText: string,
  blocks: FilterBlock[],
  meta: RuleMeta,
): InsertResult {
  if (blocks.length === 0) return { ok: false, message: 'There is no filter to insert.' }
  const ref = meta.id ?? meta.name
  if (!ref)
    return { ok: false, message: 'A filter document names its rule: give the rule an id first.' }
  const step = '    '
  const logsource = Object.entries(meta.logsource ?? {}).map(
    ([key, value]) => `${step}${key}: ${quoted(value)}`,
  )
  const lines = [
    '---',
    `title: ${quoted(`Tuning filter for ${meta.title ?? ref}`)}`,
    `name: ${filterName(ruleText, meta)}`,
    'description: Exclusions for this environment, found while tuning the rule.',
    ...(logsource.length > 0 ? ['logsource:', ...logsource] : []),
    'filter:',
    `${step}rules:`,
    `${step}${step}- ${quoted(ref)}`,
  ]
  const body = blocks.map((b) => blockYaml(b, step, step)).join('')
  const names = blocks.map((b) => b.name)
  const condition = names.length === 1 ? `not ${names[0]}` : `not (${names.join(' or ')})`
  const separator = ruleText.endsWith('\n') ? '' : '\n'
  return {
    ok: true,
    text: `${ruleText}${separator}${lines.join('\n')}\n${body}${step}condition: ${condition}\n`,
  }
}
