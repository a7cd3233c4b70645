/**
 * Rule-level warnings, in the spirit of pySigma's validators (`sigma check`) and SigmaHQ's
 * conventions. Value-level warnings come from the item level (modifiers/).
 *
 * Implemented here (all severity `warning`):
 * - UNUSED_IDENTIFIER         a search identifier no condition uses (at its key)
 * - SELECTOR_MATCHES_NOTHING  `1 of x*` / `all of x*` naming no identifier: dropped like pySigma
 *                             (raised in condition/resolve.ts)
 * - MISSING_TITLE, MISSING_ID, MISSING_LEVEL, MISSING_LOGSOURCE, MISSING_DESCRIPTION
 * - ALL_OF_THEM               `all of them` (prevents generic filtering; SigmaHQ discourages it)
 * - THEM_SINGLE_IDENTIFIER    `x of them` when the rule has one identifier: name it instead
 * - DUPLICATE_TAG, DUPLICATE_REFERENCE
 * - TITLE_TOO_LONG            title over 110 characters (pySigma's title length validator)
 * - UNKNOWN_ATTRIBUTE         a top-level key that looks like a misspelt Sigma attribute
 *                             (`falsepositive`, `Level`, `referenses`): it would be ignored
 * - IDENTIFIER_REPEATED       the same identifier twice in one and/or chain (`sel and sel`)
 * - MATCHES_EMPTY_EVENT       the compiled rule fires on `{}`: nothing positive is required
 *                             (`condition: not filter`, `sel or not filter`), so it fires on
 *                             unrelated events
 *
 * And one note (severity `info`): LIST_OF_MAPS (lint-list-of-maps.ts).
 *
 * Raised elsewhere on the rule level: MULTIPLE_DOCUMENTS (yaml/classify.ts: only the first
 * document is evaluated), UNQUOTED_NUMBER_STRING (rule/item-source.ts: `00000429` stays text).
 */
import type { YAMLMap } from 'yaml'
import { warning } from './diagnostics.ts'
import { editDistance } from './edit-distance.ts'
import { lintListsOfMaps } from './lint-list-of-maps.ts'
import type { ConditionNode } from './condition/ast.ts'
import type { Resolution, ResolvedNode } from './condition/resolve.ts'
import type { ConditionSource } from './rule/condition-source.ts'
import type { Diagnostic, IdentifierInfo, Range, RuleMeta } from './types.ts'
import { asSeq, findPair, keyText, nodeRange, scalarOf } from './yaml/nodes.ts'

export interface ParsedCondition {
  source: ConditionSource
  ast?: ConditionNode
  resolution?: Resolution
}

export interface LintInput {
  map: YAMLMap<unknown, unknown>
  meta: RuleMeta
  headRange: Range
  identifiers: IdentifierInfo[]
  conditions: ParsedCondition[]
}

const KNOWN_ATTRIBUTES = [
  'title',
  'id',
  'name',
  'related',
  'taxonomy',
  'status',
  'description',
  'license',
  'author',
  'references',
  'date',
  'modified',
  'logsource',
  'detection',
  'fields',
  'falsepositives',
  'level',
  'tags',
  'scope',
]
const TITLE_MAX = 110

/** Checks that need the compiled rule: run it on an event with no fields. */
export function lintCompiled(
  fires: (event: unknown) => boolean,
  conditions: ParsedCondition[],
): Diagnostic[] {
  let firesOnNothing = false
  try {
    firesOnNothing = fires({})
  } catch {
    // A lint probe must never cost the user the compiled rule.
  }
  if (!firesOnNothing) return []
  const first = conditions[0]?.source.range
  const last = conditions[conditions.length - 1]?.source.range
  const range: Range = first && last ? [first[0], last[1]] : [0, 0]
  return [
    warning(
      'MATCHES_EMPTY_EVENT',
      'The rule fires on an event with no fields at all: nothing in the condition requires a positive match (e.g. only `not filter`), so it will fire on unrelated events.',
      range,
    ),
  ]
}

export function lintRule(input: LintInput): Diagnostic[] {
  return [...lintMetadata(input), ...lintIdentifiers(input), ...lintListsOfMaps(input.map)]
}

function lintMetadata({ map, meta, headRange }: LintInput): Diagnostic[] {
  const out: Diagnostic[] = []
  const missing = (key: string, code: Diagnostic['code'], why: string) => {
    if (!findPair(map, key))
      out.push(warning(code, `The rule has no \`${key}\`: ${why}`, headRange))
  }
  missing('title', 'MISSING_TITLE', 'pySigma requires one.')
  missing('id', 'MISSING_ID', 'add a UUID (v4) so the rule can be referenced and tracked.')
  missing('level', 'MISSING_LEVEL', 'set informational, low, medium, high or critical.')
  missing('logsource', 'MISSING_LOGSOURCE', 'pySigma requires one (category, product or service).')
  missing('description', 'MISSING_DESCRIPTION', 'say what the rule detects and why.')
  if (meta.title && meta.title.length > TITLE_MAX)
    out.push(
      warning(
        'TITLE_TOO_LONG',
        `The title has ${meta.title.length} characters; keep it under ${TITLE_MAX}.`,
        nodeRange(findPair(map, 'title')?.value),
      ),
    )
  out.push(
    ...duplicates(map, 'tags', 'DUPLICATE_TAG'),
    ...duplicates(map, 'references', 'DUPLICATE_REFERENCE'),
  )
  for (const pair of map.items) {
    const key = keyText(pair)
    if (KNOWN_ATTRIBUTES.includes(key)) continue
    const near = KNOWN_ATTRIBUTES.find(
      (known) =>
        key.toLowerCase() === known ||
        (Math.abs(key.length - known.length) <= 2 && editDistance(key.toLowerCase(), known) <= 2),
    )
    if (near && key.length > 3)
      out.push({
        ...warning(
          'UNKNOWN_ATTRIBUTE',
          `\`${key}\` is not a Sigma attribute and is ignored: did you mean \`${near}\`?`,
          nodeRange(pair.key),
        ),
        suggestion: near,
      })
  }
  return out
}

function duplicates(
  map: YAMLMap<unknown, unknown>,
  key: string,
  code: Diagnostic['code'],
): Diagnostic[] {
  const seq = asSeq(findPair(map, key)?.value)
  if (!seq) return []
  const seen = new Set<string>()
  const out: Diagnostic[] = []
  for (const node of seq.items) {
    const value = scalarOf(node)
    if (typeof value !== 'string') continue
    const norm = value.toLowerCase()
    if (seen.has(norm))
      out.push(warning(code, `\`${value}\` is listed twice under \`${key}\`.`, nodeRange(node)))
    seen.add(norm)
  }
  return out
}

function lintIdentifiers({ identifiers, conditions }: LintInput): Diagnostic[] {
  const out: Diagnostic[] = []
  const resolutions = conditions.map((c) => c.resolution)
  if (resolutions.length > 0 && resolutions.every((r) => r !== undefined)) {
    const used = new Set<number>()
    for (const r of resolutions) r?.used.forEach((i) => used.add(i))
    identifiers.forEach((ident, i) => {
      if (!used.has(i))
        out.push(
          warning(
            'UNUSED_IDENTIFIER',
            looksLikeField(ident.name)
              ? `\`${ident.name}\` is never used by the condition. It looks like a field that slipped out of its selection: indent it under the selection it belongs to.`
              : `\`${ident.name}\` is never used by the condition.`,
            ident.keyRange,
          ),
        )
    })
  }
  const visible = identifiers.filter((i) => !i.name.startsWith('_')).length
  for (const r of resolutions) if (r?.node) walk(r.node, visible, out)
  return out
}

/**
 * A field dedented by one level becomes a search identifier of its own: `CommandLine|contains`
 * or `ParentImage` beside `selection`. Identifiers are written in lower case; fields carry
 * modifiers or start with a capital.
 */
const looksLikeField = (name: string) => name.includes('|') || /^[A-Z][A-Za-z0-9]+$/.test(name)

function walk(node: ResolvedNode, visibleIdentifiers: number, out: Diagnostic[]): void {
  if (node.type === 'selector' && node.pattern === 'them') {
    if (node.quantifier === 'all')
      out.push(
        warning(
          'ALL_OF_THEM',
          '`all of them` is discouraged: it prevents generic filtering. Name the identifiers (`sel1 and sel2`).',
          node.range,
        ),
      )
    if (visibleIdentifiers === 1)
      out.push(
        warning(
          'THEM_SINGLE_IDENTIFIER',
          `\`${node.quantifier} of them\` with a single identifier: name it instead.`,
          node.range,
        ),
      )
  }
  if (node.type === 'not') walk(node.child, visibleIdentifiers, out)
  if (node.type === 'and' || node.type === 'or') {
    // One warning per name, at its second use: a chain of 50,000 repeats is one mistake.
    const uses = new Map<string, { count: number; second?: Range }>()
    for (const child of node.children) {
      if (child.type === 'ref') {
        const use = uses.get(child.name) ?? { count: 0 }
        use.count++
        if (use.count === 2) use.second = child.range
        uses.set(child.name, use)
      }
      walk(child, visibleIdentifiers, out)
    }
    for (const [name, { count, second }] of uses) {
      if (!second) continue
      const times = count === 2 ? 'twice' : `${count.toLocaleString('en-US')} times`
      out.push(
        warning(
          'IDENTIFIER_REPEATED',
          `\`${name}\` appears ${times} in the same \`${node.type}\`.`,
          second,
        ),
      )
    }
  }
}
