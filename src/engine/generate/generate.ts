/**
 * Events from a rule (for teaching and for tests): one minimal event that matches, then the
 * events that show each edge — every item of the matching selections one step off, each filter
 * made to exclude, and that filter just missed. Nothing is offered unless the engine's own
 * verdict agrees with the label.
 */
import type { CompileResult } from '../compile.ts'
import type { CompiledRule } from '../compiled-rule.ts'
import type { ItemSource } from '../item.ts'
import type { EngineOptions, Verdict } from '../types.ts'
import type { IdentifierSource } from '../rule/detection.ts'
import { lineCol } from '../line-index.ts'
import { branchesOf, itemKey, readIdentifiers, type Branch } from './detection-read.ts'
import {
  buildEvent,
  overlay,
  demandOf,
  withField,
  type GeneratedFields,
  type Pick,
} from './event-builder.ts'
import { justMissing, valueFor } from './field-value.ts'
import { satisfyingAssignments } from './assignments.ts'

export interface GeneratedEvent {
  label: string
  /** The engine's verdict for the event: true when the rule matches it. */
  expect: boolean
  event: GeneratedFields
}

export interface GenerateResult {
  events: GeneratedEvent[]
  /** Why nothing (or nothing more) could be generated. */
  problem?: string
}

export interface GenerateEngine {
  compile: (text: string, options: EngineOptions) => CompileResult
  verdict: (rule: CompiledRule, event: unknown) => Verdict
}

const MAX_EVENTS = 40
const PLANS_PER_ASSIGNMENT = 24

interface Context {
  identifiers: IdentifierSource[]
  branches: Branch[][]
  options: EngineOptions
  check: (event: GeneratedFields) => Verdict
}

export function generateFrom(
  text: string,
  options: EngineOptions,
  engine: GenerateEngine,
): GenerateResult {
  const compiled = engine.compile(text, options)
  const rule = compiled.rule
  if (!rule) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error')
    return { events: [], problem: `The rule has errors${first ? `: ${first.message}` : ''}` }
  }
  const identifiers = readIdentifiers(text)
  const ctx: Context = {
    identifiers,
    branches: identifiers.map((i) => branchesOf(i.body)),
    options,
    check: (event) => engine.verdict(rule, event),
  }
  const assignments = satisfyingAssignments(
    identifiers.map((i) => i.kind === 'filter'),
    (values) => rule.fromValues(values),
  )
  if (assignments.length === 0)
    return { events: [], problem: 'No combination of its identifiers makes the condition true.' }
  let lastFailure: ItemSource | undefined
  for (const assignment of assignments) {
    const found = matchFor(assignment, ctx)
    if (!('match' in found)) {
      lastFailure = found.failed ?? lastFailure
      continue
    }
    const events = [
      found.match,
      ...edgesOf(found, ctx),
      ...otherRoutes(assignment, assignments, ctx),
    ]
    return { events: dedupe(events).slice(0, MAX_EVENTS) }
  }
  return {
    events: [],
    problem: lastFailure
      ? `Cannot generate a value for ${itemKey(lastFailure)} (line ${lineCol(text, lastFailure.keyRange[0]).line}).`
      : 'Cannot build an event that the rule matches.',
  }
}

interface Found {
  match: GeneratedEvent
  assignment: boolean[]
  picks: Pick[][]
}

/** Tries branch and value choices for the identifiers the assignment wants true. */
function matchFor(assignment: boolean[], ctx: Context): Found | { failed?: ItemSource } {
  let failed: ItemSource | undefined
  const label = `matches: ${ctx.identifiers
    .filter((_, i) => assignment[i])
    .map((i) => i.name)
    .join(' and ')}`
  for (let plan = 0; plan < PLANS_PER_ASSIGNMENT; plan++) {
    const picks = ctx.branches.map((branches, i) =>
      assignment[i] ? planPicks(branches, plan) : [],
    )
    if (picks.some((p, i) => assignment[i] && p.length === 0)) return {}
    const built = buildEvent(picks.flat(), ctx.options)
    if (!built.event) {
      failed = built.failed
      continue
    }
    const event = quietFalseIdentifiers(built.event, assignment, ctx)
    if (event && ctx.check(event).match)
      return { match: { label, expect: true, event }, assignment, picks }
  }
  return { failed }
}

function planPicks(branches: Branch[], plan: number): Pick[] {
  const branch = branches[plan % Math.max(1, branches.length)] ?? []
  const choice = Math.floor(plan / Math.max(1, branches.length))
  return branch.map((item) => ({ item, choice }))
}

/**
 * Identifiers meant to be false can come out true (a filter on `CommandLine: null` holds when
 * the event lacks the field): give one of their items' fields a value that misses.
 */
function quietFalseIdentifiers(
  event: GeneratedFields,
  assignment: boolean[],
  ctx: Context,
): GeneratedFields | undefined {
  let current = event
  for (let round = 0; round < 4; round++) {
    const values = ctx.identifiers.map((i) => ctx.check(current).identifiers[i.name] === true)
    const wrong = values.findIndex((v, i) => v && !assignment[i])
    if (wrong < 0) return current
    const next = breakIdentifier(current, ctx.branches[wrong] ?? [], event, ctx)
    if (!next) return current
    current = next
  }
  return current
}

function breakIdentifier(
  event: GeneratedFields,
  branches: Branch[],
  protect: GeneratedFields,
  ctx: Context,
) {
  let current = event
  for (const branch of branches) {
    const item = branch.find((it) => it.field !== null && !(it.field in protect))
    const demand = item && demandOf({ item, choice: 0 }, ctx.options)
    const req = demand?.all[0]
    if (!item?.field || !req) continue
    const miss = justMissing(req, valueFor([req]) ?? '')
    if (miss !== undefined) current = withField(current, item.field, miss)
  }
  return current === event ? undefined : current
}

/** Each item of the matching identifiers one step off; each filter made true, then just missed. */
function edgesOf(found: Found, ctx: Context): GeneratedEvent[] {
  const out: GeneratedEvent[] = []
  const base = found.match.event
  found.picks.forEach((picks, i) => {
    const name = ctx.identifiers[i]?.name ?? ''
    for (const pick of picks) {
      const missed = stepOff(base, pick, ctx)
      if (!missed) continue
      const verdict = ctx.check(missed.event)
      if (verdict.identifiers[name] === false)
        out.push({
          label: `${missed.verb} ${name} › ${describe(pick)}`,
          expect: verdict.match,
          event: missed.event,
        })
    }
  })
  ctx.identifiers.forEach((ident, i) => {
    if (found.assignment[i]) return
    out.push(...exclusions(base, ident, i, ctx))
  })
  return out
}

function exclusions(
  base: GeneratedFields,
  ident: IdentifierSource,
  index: number,
  ctx: Context,
): GeneratedEvent[] {
  const out: GeneratedEvent[] = []
  const branches = ctx.branches[index] ?? []
  for (const branch of branches.slice(0, 3)) {
    const picks = branch.map((item) => ({ item, choice: 0 }))
    const built = buildEvent(picks, ctx.options)
    if (!built.event) continue
    const event = overlay(base, { ...built, event: built.event })
    const verdict = ctx.check(event)
    if (verdict.identifiers[ident.name] !== true || verdict.match) continue
    out.push({ label: `excluded by ${ident.name}`, expect: false, event })
    for (const pick of picks) {
      const missed = stepOff(event, pick, ctx)
      if (!missed) continue
      const after = ctx.check(missed.event)
      if (after.identifiers[ident.name] === false && after.match)
        out.push({
          label: `just outside ${ident.name} › ${describe(pick)}`,
          expect: true,
          event: missed.event,
        })
    }
    break
  }
  return out
}

/** Other identifiers that can make the rule fire on their own (`1 of selection_*`). */
function otherRoutes(first: boolean[], assignments: boolean[][], ctx: Context): GeneratedEvent[] {
  const shown = new Set(first.flatMap((v, i) => (v ? [i] : [])))
  const out: GeneratedEvent[] = []
  for (const assignment of assignments) {
    const fresh = assignment.findIndex((v, i) => v && !shown.has(i))
    if (fresh < 0) continue
    const found = matchFor(assignment, ctx)
    if (!('match' in found)) continue
    assignment.forEach((v, i) => v && shown.add(i))
    out.push(found.match)
    if (out.length >= 8) break
  }
  return out
}

const VERBS: Record<string, string> = {
  string: 'one character off',
  regex: 'one character off',
  cidr: 'just outside',
  compare: 'just past',
  presence: 'the opposite of',
  number: 'a different number for',
  boolean: 'the other boolean for',
}

function stepOff(event: GeneratedFields, pick: Pick, ctx: Context) {
  const field = pick.item.field
  const demand = demandOf(pick, ctx.options)
  const req = demand?.all[0]
  if (!req || demand.negated || req.kind === 'fieldref') return undefined
  const key = field ?? 'message'
  const current = event[key]
  const missed = justMissing(req, current === null || current === undefined ? '' : current)
  if (missed === undefined) return undefined
  return { verb: VERBS[req.kind] ?? 'just off', event: withField(event, key, missed) }
}

function describe(pick: Pick): string {
  const value = pick.item.values[pick.choice % Math.max(1, pick.item.values.length)]?.value
  const shown =
    typeof value === 'string'
      ? `'${value.length > 40 ? `${value.slice(0, 37)}…` : value}'`
      : String(value)
  return `${itemKey(pick.item)} ${shown}`
}

function dedupe(events: GeneratedEvent[]): GeneratedEvent[] {
  const seen = new Set<string>()
  return events.filter((e) => {
    const key = JSON.stringify(e.event)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
