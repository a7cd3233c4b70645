/**
 * One line per event saying why it matched or not, built from the engine's trace:
 * "matched: selection (Image …\rundll32.exe, Initiated true)",
 * "excluded by filter_main_local_ranges: DestinationIp 10.2.3.4 in 10.0.0.0/8",
 * "selection failed on Image: …\chrome.exe".
 */
import {
  modifiersIn,
  type ConditionTrace,
  type FieldTrace,
  type IdentifierTrace,
  type Scalar,
  type SearchNodeTrace,
  type Trace,
  type Verdict,
} from '../engine/index.ts'

export interface Reason {
  name: string
  value: boolean
  /** Reached through an odd number of `not`s: a true value here argues against a match. */
  negated: boolean
}

/** The identifiers that decided a condition node's value, following only the decisive branches. */
function decisive(node: ConditionTrace, negated: boolean): Reason[] {
  switch (node.type) {
    case 'ref':
      return [{ name: node.name, value: node.value, negated }]
    case 'not':
      return decisive(node.child, !negated)
    case 'and':
    case 'or': {
      // An AND is decided by its false children when false; an OR by its true ones when true.
      const wanted = node.type === 'and' ? false : true
      const pick =
        node.value === wanted ? node.children.filter((c) => c.value === wanted) : node.children
      return pick.flatMap((c) => decisive(c, negated))
    }
    case 'selector': {
      const anyOf = node.quantifier !== 'all'
      const pick =
        node.value === anyOf ? node.members.filter((m) => m.value === anyOf) : node.members
      return pick.map((m) => ({ name: m.name, value: m.value, negated }))
    }
  }
}

const MAX_VALUE = 44

/**
 * Long values keep their start and, mostly, their end: paths are told apart by their tails. An
 * empty or blank string is quoted as Sigma writes it (`''`), or the sentence would end in a gap.
 */
export function shorten(value: unknown, max = MAX_VALUE): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const flat = text.replace(/\s+/g, ' ')
  if (flat.trim() === '') return `'${flat}'`
  if (flat.length <= max) return flat
  const head = Math.floor(max / 4)
  return `${flat.slice(0, head)}…${flat.slice(flat.length - (max - head - 1))}`
}

const COMPARISONS = new Set(modifiersIn(['compare']))

function operator(field: FieldTrace): string {
  const mods = field.modifiers
  if (mods.includes('cidr')) return 'in'
  if (mods.includes('re')) return 'matches'
  if (mods.includes('contains')) return 'contains'
  if (mods.includes('startswith')) return 'starts with'
  if (mods.includes('endswith')) return 'ends with'
  const comparison = mods.find((m) => COMPARISONS.has(m))
  if (comparison) return comparison
  return '='
}

/** The items that made an identifier true (when it is true) or false (when it is false). */
export function decidingItems(node: SearchNodeTrace, want: boolean): SearchNodeTrace[] {
  if (node.value !== want) return []
  if (node.type === 'field' || node.type === 'keywords') return [node]
  const children = node.children.filter((c) => c.value === want)
  // An AND that holds needs all its items, an OR that fails failed on all of them: show them all.
  const all = (node.type === 'and') === want
  const chosen = all ? children : children.slice(0, 1)
  return chosen.flatMap((c) => decidingItems(c, want))
}

function describeHit(item: SearchNodeTrace): string {
  if (item.type === 'keywords') {
    const hit = item.values.find((v) => v.value)
    return hit ? `keyword '${shorten(hit.text, 24)}'` : 'keywords'
  }
  if (item.type !== 'field') return ''
  const hit = item.values.find((v) => v.value)
  const label = item.field || 'value'
  if (item.negated || !hit) return `${label} ${item.negated ? 'differs' : 'matched'}`
  const actual = hit.actual === undefined ? '' : ` ${shorten(hit.actual)}`
  if (operator(item) === '=') return `${label}${actual}`
  return `${label}${actual} ${operator(item)} ${shorten(hit.variant ?? hit.text, 28)}`
}

function actualOf(item: FieldTrace): Scalar | undefined {
  const compared = item.values.find((v) => v.actual !== undefined)
  if (compared) return compared.actual
  const looked = item.lookups[0]?.value
  return looked === undefined ? undefined : (JSON.stringify(looked) ?? null)
}

function describeMiss(item: SearchNodeTrace): string {
  if (item.type === 'keywords') return 'keywords'
  if (item.type !== 'field') return ''
  const label = item.field || 'value'
  if (item.reason === 'absent') return `${label} (absent)`
  if (item.reason === 'null') return `${label} (null)`
  const actual = actualOf(item)
  return actual === undefined ? label : `${label}: ${shorten(actual)}`
}

function searchOf(trace: Trace, name: string): IdentifierTrace | undefined {
  return trace.searches.find((s) => s.name === name)
}

function why(trace: Trace, reason: Reason, hit: boolean): string {
  const search = searchOf(trace, reason.name)
  if (!search) return reason.name
  const items = decidingItems(search.body, reason.value)
  const shown = items
    .slice(0, 3)
    .map(hit ? describeHit : describeMiss)
    .filter(Boolean)
  const more = items.length > 3 ? ', …' : ''
  return shown.join(', ') + more
}

/**
 * The identifiers that decided the verdict, as the summary names them: for a match the true
 * selections, for a miss the filters that excluded the event, else the selections that failed.
 */
export function decidingReasons(trace: Trace): {
  kind: 'matched' | 'excluded' | 'failed'
  reasons: Reason[]
} {
  const chosen = trace.conditions.find((c) => c.value === trace.match) ?? trace.conditions[0]
  const reasons = chosen ? decisive(chosen, false) : []
  if (trace.match) return { kind: 'matched', reasons: reasons.filter((r) => r.value && !r.negated) }
  const excluded = reasons.filter((r) => r.value && r.negated)
  if (excluded.length > 0) return { kind: 'excluded', reasons: excluded }
  return { kind: 'failed', reasons: reasons.filter((r) => !r.value && !r.negated) }
}

export function summarizeTrace(trace: Trace): string {
  const { kind, reasons } = decidingReasons(trace)
  if (kind === 'matched') {
    if (reasons.length === 0) return 'matched'
    return `matched: ${reasons.map((r) => `${r.name} (${why(trace, r, true)})`).join('; ')}`
  }
  if (kind === 'excluded') {
    return `excluded by ${reasons.map((r) => `${r.name}: ${why(trace, r, true)}`).join('; ')}`
  }
  if (reasons.length > 0) {
    return reasons.map((r) => `${r.name} failed on ${why(trace, r, false)}`).join('; ')
  }
  return 'no match'
}

/** Without a trace (very large event sets) the verdict still names the deciding identifiers. */
export function summarizeVerdict(v: Verdict): string {
  const entries = Object.entries(v.identifiers)
  // As the chips tell them: `filter*` names and every identifier of a filter document.
  const isFilter = (name: string) => name.startsWith('filter') || name.includes(' › ')
  if (v.match) {
    const hits = entries.filter(([n, val]) => val && !isFilter(n)).map(([n]) => n)
    return hits.length ? `matched: ${hits.join(', ')}` : 'matched'
  }
  const filters = entries.filter(([n, val]) => val && isFilter(n)).map(([n]) => n)
  if (filters.length) return `excluded by ${filters.join(', ')}`
  const failed = entries.filter(([n, val]) => !val && !isFilter(n)).map(([n]) => n)
  return failed.length ? `${failed.join(', ')} failed` : 'no match'
}
