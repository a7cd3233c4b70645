/**
 * The worker keeps each search's values and each field's coverage while the rule is edited
 * (edit-memo.ts). On random edit sessions (searches swapped between bodies, the logsource, the
 * options and the events changing underneath), every analysis equals a fresh worker's.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { stringify } from 'yaml'
import type { EngineOptions } from '../../src/engine/index.ts'
import { Analyzer } from '../../src/worker/analyzer.ts'
import type { AnalysisResult } from '../../src/worker/protocol.ts'
import { anyEvent, ruleShapedEvent } from '../engine/property/event-arbitrary.ts'
import { IDENTIFIERS, PLACEHOLDERS, STRINGS } from '../engine/property/pools.ts'
import { searchBody } from '../engine/property/rule-arbitrary.ts'
import { COMMAND_LINE_AS_IMAGE } from '../engine/pipeline/fixtures.ts'

const OPTIONS: EngineOptions[] = [
  { placeholders: PLACEHOLDERS },
  { placeholders: PLACEHOLDERS, pipelines: [COMMAND_LINE_AS_IMAGE] },
  { placeholders: PLACEHOLDERS, fieldMap: { User: 'CommandLine' } },
  { placeholders: PLACEHOLDERS, logsourceOnly: true },
  { placeholders: PLACEHOLDERS, flattenEvtx: false },
]

const LOGSOURCES = [
  { category: 'process_creation', product: 'windows' },
  { category: 'network_connection', product: 'windows' },
  { product: 'windows', service: 'security' },
]

const CONDITIONS = ['1 of them', 'all of them', 'not 1 of them', '1 of sel* and not 1 of filter_*']

/** Mostly events on the rules' own fields, so that searches hold on some and not on others. */
const events = fc.array(
  fc.oneof({ weight: 3, arbitrary: ruleShapedEvent }, { weight: 1, arbitrary: anyEvent }),
  { minLength: 1, maxLength: 8 },
)

/**
 * The same body with other values (strings from the pool, numbers one up): a search that tests
 * the same fields with the same modifiers but keeps other verdicts.
 */
function otherValues(body: unknown, shift: number): unknown {
  if (typeof body === 'string') {
    const at = STRINGS.indexOf(body as (typeof STRINGS)[number])
    return at < 0 ? body : STRINGS[(at + shift) % STRINGS.length]
  }
  if (typeof body === 'number') return body + shift
  if (Array.isArray(body)) return body.map((b: unknown) => otherValues(b, shift))
  if (typeof body === 'object' && body !== null)
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, otherValues(v, shift)]))
  return body
}

/** Bodies for the searches to swap between, each also with other values. */
const bodyPool = fc
  .tuple(fc.array(searchBody, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 5 }))
  .map(([bodies, shift]) => [...bodies, ...bodies.map((b) => otherValues(b, shift))])

/** One edit, as an author makes them: one search's body, or the rule around the searches. */
const edit = fc.oneof(
  { weight: 4, arbitrary: fc.record({ search: fc.nat(), body: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ condition: fc.constantFrom(...CONDITIONS) }) },
  { weight: 2, arbitrary: fc.record({ logsource: fc.nat({ max: LOGSOURCES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ options: fc.nat({ max: OPTIONS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ events }) },
)

interface Session {
  bodies: unknown[]
  /** Which body of the pool each search has. */
  picks: number[]
  condition: string
  logsource: number
  options: number
  events: string
}

function ruleText(names: readonly string[], session: Session): string {
  const detection: Record<string, unknown> = {}
  names.forEach((name, i) => (detection[name] = session.bodies[session.picks[i] ?? 0]))
  detection.condition = session.condition
  return stringify({
    title: 'Edited rule',
    logsource: LOGSOURCES[session.logsource],
    detection,
  })
}

/** What the verdicts and the coverage say, without timings or ranges. */
function verdicts(result: AnalysisResult) {
  const { rows, counts, coverage } = result
  return {
    compiled: result.compiled,
    counts,
    match: [...rows.match],
    hits: [...rows.hits],
    failures: rows.failures,
    outside: [...rows.outside],
    outsideWhy: rows.outsideWhy,
    coverage: coverage?.map(({ field, present, events }) => ({ field, present, events })),
  }
}

test('edit sessions: every analysis equals a fresh worker’s', () => {
  const seen = { analyses: 0, matches: 0 }
  fc.assert(
    fc.property(
      fc.subarray([...IDENTIFIERS], { minLength: 2, maxLength: 4 }),
      bodyPool,
      // The pipeline's renaming depends on the logsource: the options most worth editing under.
      fc.oneof(fc.constant(1), fc.nat({ max: OPTIONS.length - 1 })),
      events,
      fc.array(edit, { minLength: 2, maxLength: 8 }),
      (names, bodies, options, firstEvents, edits) => {
        const session: Session = {
          bodies,
          picks: names.map((_, i) => i % bodies.length),
          condition: CONDITIONS[0] ?? '',
          logsource: 0,
          options,
          events: JSON.stringify(firstEvents),
        }
        const kept = new Analyzer()
        kept.setEvents(session.events)
        for (const change of edits) {
          if ('search' in change)
            session.picks[change.search % names.length] = change.body % bodies.length
          else if ('events' in change) {
            session.events = JSON.stringify(change.events)
            kept.setEvents(session.events)
          } else Object.assign(session, change)
          const text = ruleText(names, session)
          const engineOptions = OPTIONS[session.options] ?? {}
          kept.setRule(text, engineOptions)
          const fresh = new Analyzer()
          fresh.setEvents(session.events)
          fresh.setRule(text, engineOptions)
          const expected = verdicts(fresh.analyze(0))
          expect(verdicts(kept.analyze(0))).toEqual(expected)
          seen.analyses++
          seen.matches += expected.counts.matches
        }
      },
    ),
    { numRuns: 300 },
  )
  // Agreement proves little when nothing matches.
  expect(seen.matches).toBeGreaterThan(seen.analyses / 4)
})
