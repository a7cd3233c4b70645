/**
 * Rule metadata (everything beside `detection`) and the checks pySigma makes on it
 * (sigma-reference §1.1 and §10). pySigma refuses these rules, so they are errors; a missing
 * title, id, level or logsource is left to lint as a warning.
 */
import { isScalar, type Pair, type YAMLMap } from 'yaml'
import { error } from '../diagnostics.ts'
import { asMap, asSeq, findPair, keyText, nodeRange, scalarOf } from '../yaml/nodes.ts'
import type { Diagnostic, Range, RuleMeta } from '../types.ts'

const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported']
const LEVELS = ['informational', 'low', 'medium', 'high', 'critical']
const RELATED_TYPES = ['derived', 'obsolete', 'merged', 'renamed', 'similar', 'correlation']
const STRING_KEYS = ['author', 'description', 'license', 'taxonomy', 'name']
const LIST_KEYS = ['references', 'fields', 'falsepositives', 'scope']

/** How nearly every rule writes its id; other spellings go through the longer check below. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(text: string): boolean {
  if (CANONICAL_UUID.test(text)) return true
  const bare = text
    .replace(/^urn:uuid:/i, '')
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/-/g, '')
  return /^[0-9a-f]{32}$/i.test(bare) && /^[0-9a-f-]+$/i.test(text.replace(/^urn:uuid:|[{}]/gi, ''))
}

/** `YYYY-MM-DD` (v2) or the `YYYY/M/D` pySigma still accepts, and a real calendar date. */
export function isSigmaDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export function readMetadata(map: YAMLMap<unknown, unknown>): {
  meta: RuleMeta
  diagnostics: Diagnostic[]
} {
  const diagnostics: Diagnostic[] = []
  const meta: RuleMeta = {}
  const bad = (message: string, range: Range) =>
    diagnostics.push(error('BAD_METADATA', message, range))
  const pairs = new Map<string, Pair<unknown, unknown>>()
  for (const pair of map.items) if (!pairs.has(keyText(pair))) pairs.set(keyText(pair), pair)
  const value = (key: string) => pairs.get(key)?.value

  const stringField = (key: string): string | undefined => {
    const node = value(key)
    if (node === undefined) return undefined
    const v = scalarOf(node)
    if (typeof v === 'string') return v
    bad(`\`${key}\` must be a string.`, nodeRange(node))
    return undefined
  }

  const title = stringField('title')
  if (title !== undefined) {
    meta.title = title
    if (title.length > 256)
      bad('The title must not exceed 256 characters.', nodeRange(value('title')))
  }

  const id = stringField('id')
  if (id !== undefined) {
    meta.id = id
    if (!isUuid(id)) bad(`The rule id must be a UUID, not '${id}'.`, nodeRange(value('id')))
  }

  const status = stringField('status')
  if (status !== undefined) {
    meta.status = status
    if (!STATUSES.includes(status.toLowerCase()))
      bad(`'${status}' is not a valid status (${STATUSES.join(', ')}).`, nodeRange(value('status')))
  }

  const level = stringField('level')
  if (level !== undefined) {
    meta.level = level
    if (!LEVELS.includes(level.toLowerCase()))
      bad(`'${level}' is not a valid level (${LEVELS.join(', ')}).`, nodeRange(value('level')))
  }

  for (const key of STRING_KEYS) {
    const v = stringField(key)
    if (v === undefined) continue
    if (key === 'author') meta.author = v
    if (key === 'description') meta.description = v
    if (key === 'name') meta.name = v
    if ((key === 'name' || key === 'taxonomy') && v.trim() === '')
      bad(`\`${key}\` must not be empty.`, nodeRange(value(key)))
  }

  for (const key of ['date', 'modified']) {
    const node = value(key)
    if (node === undefined) continue
    const v = scalarOf(node)
    if (typeof v !== 'string' || !isSigmaDate(v))
      bad(`The ${key} '${String(v ?? '')}' is invalid: use YYYY-MM-DD.`, nodeRange(node))
  }

  for (const key of LIST_KEYS) {
    const node = value(key)
    if (node !== undefined && !asSeq(node)) bad(`\`${key}\` must be a list.`, nodeRange(node))
  }

  checkTags(value('tags'), meta, bad)
  checkRelated(value('related'), bad)
  checkLogsource(map, meta, bad)
  return { meta, diagnostics }
}

type Bad = (message: string, range: Range) => void

function checkTags(node: unknown, meta: RuleMeta, bad: Bad): void {
  if (node === undefined) return
  const seq = asSeq(node)
  if (!seq) return bad('`tags` must be a list of strings.', nodeRange(node))
  meta.tags = []
  for (const item of seq.items) {
    const tag = scalarOf(item)
    if (typeof tag !== 'string') {
      bad('`tags` must be a list of strings.', nodeRange(item))
      continue
    }
    meta.tags.push(tag)
    if (!tag.includes('.'))
      bad(
        `The tag '${tag}' must start with a namespace separated by a dot (e.g. attack.t1059).`,
        nodeRange(item),
      )
  }
}

function checkRelated(node: unknown, bad: Bad): void {
  if (node === undefined) return
  const seq = asSeq(node)
  if (!seq) return bad('`related` must be a list.', nodeRange(node))
  for (const item of seq.items) {
    const entry = asMap(item)
    if (!entry) {
      bad('Each `related` entry is a map with `id` and `type`.', nodeRange(item))
      continue
    }
    const id = scalarOf(findPair(entry, 'id')?.value)
    const type = scalarOf(findPair(entry, 'type')?.value)
    if (typeof id !== 'string' || !isUuid(id))
      bad(
        'A `related` entry needs an `id` that is a UUID.',
        nodeRange(findPair(entry, 'id')?.value ?? item),
      )
    if (typeof type !== 'string' || !RELATED_TYPES.includes(type))
      bad(
        `A \`related\` entry needs a \`type\` among ${RELATED_TYPES.join(', ')}.`,
        nodeRange(findPair(entry, 'type')?.value ?? item),
      )
  }
}

function checkLogsource(map: YAMLMap<unknown, unknown>, meta: RuleMeta, bad: Bad): void {
  const pair = findPair(map, 'logsource')
  if (!pair) return
  const logsource = asMap(pair.value)
  if (!logsource)
    return bad(
      '`logsource` must be a map (category, product, service…).',
      nodeRange(pair.value ?? pair.key),
    )
  meta.logsource = {}
  for (const entry of logsource.items) {
    const key = keyText(entry)
    const v = scalarOf(entry.value)
    if (typeof v === 'string') meta.logsource[key] = v
    else if (
      ['category', 'product', 'service', 'definition'].includes(key) &&
      (v !== null || !isScalar(entry.value))
    )
      bad(`logsource \`${key}\` must be a string.`, nodeRange(entry.value ?? entry.key))
  }
  const ls = meta.logsource
  if (ls.category === undefined && ls.product === undefined && ls.service === undefined)
    bad(
      'The log source must set at least one of category, product or service.',
      nodeRange(pair.value ?? pair.key),
    )
}
