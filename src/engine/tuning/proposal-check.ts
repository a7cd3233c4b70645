/**
 * What a proposal removes, decided by the real engine rather than the quick item test that
 * built it: the blocks become a rule of their own and run over the current matches. The page
 * then shows exactly what inserting the blocks will do.
 */
import type { CompiledRule } from '../compiled-rule.ts'
import type { EngineOptions, EventFailure, EventRecord } from '../types.ts'
import { blockYaml } from './insert-filter.ts'
import type { Expectations, FilterProposal } from './types.ts'
import { STEP_ITEMS, type Steps } from './steps.ts'

const LISTED = 200

export interface EngineCalls {
  compile(text: string, options: EngineOptions): CompiledRule | undefined
  evaluate(rule: CompiledRule, event: unknown): boolean | EventFailure
}

/**
 * `engine` is the engine's own compile and evaluate (engine/index.ts passes them). Yields the
 * number of events checked so far (see steps.ts).
 */
export function* checkProposalStepsWith(
  engine: EngineCalls,
  proposal: FilterProposal,
  events: readonly EventRecord[],
  match: Uint8Array,
  expect: Expectations,
  options: EngineOptions,
): Steps<FilterProposal> {
  if (proposal.blocks.length === 0) return proposal
  const text = [
    'title: proposed filter',
    'logsource: {product: any}',
    'detection:',
    ...proposal.blocks.map((b) => blockYaml(b, '  ', '  ').trimEnd()),
    '  condition: 1 of filter_optional_*',
    '',
  ].join('\n')
  const rule = engine.compile(text, options)
  if (!rule) return { ...proposal, blocks: [], message: 'The proposed filter did not compile.' }
  const removed: number[] = []
  let fixed = 0
  let targets = 0
  let keptBroken = 0
  let failed = 0
  for (let i = 0; i < match.length; i++) {
    if (i > 0 && i % STEP_ITEMS === 0) yield i
    if (match[i] !== 1) continue
    const judged = engine.evaluate(rule, events[i]?.value)
    // An engine failure is neither "removed" nor "kept": it is counted and said.
    if (typeof judged !== 'boolean') {
      failed++
      continue
    }
    const hit = judged
    if (expect[i] === 'nomatch') {
      targets++
      if (hit) fixed++
    }
    if (hit && expect[i] === 'match') keptBroken++
    if (hit) removed.push(i)
  }
  if (keptBroken > 0) {
    return {
      ...proposal,
      blocks: [],
      message: 'Every filter found would also remove an event marked “should match”.',
    }
  }
  return {
    ...proposal,
    ...(failed > 0 && { message: failedMessage(failed) }),
    removed: removed.slice(0, LISTED),
    removedCount: removed.length,
    fixed,
    missed: targets - fixed,
  }
}

function failedMessage(failed: number): string {
  const events = failed === 1 ? '1 event' : `${failed.toLocaleString('en-US')} events`
  return `The engine failed on ${events} while checking this filter (INTERNAL): they are counted neither as removed nor as kept. Please report it with the events.`
}
