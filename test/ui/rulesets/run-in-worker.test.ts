// The page's rule-set runner against the real evaluation worker in a Node thread: a run reports progress and
// its result, a rule that stalls is named, listed and left out while the rest still runs, and
// cancel terminates the worker.
import { afterEach, describe, expect, it } from 'vitest'
import {
  runRuleSetInWorker,
  RUN_BUDGETS,
  type RuleSetWorker,
  type RunUpdate,
} from '../../../src/ui/rulesets/run-in-worker.ts'
import { runRuleSetNow } from '../../../src/worker/ruleset-run.ts'
import type { RuleSetRequest } from '../../../src/worker/ruleset-protocol.ts'
import { createThreadWorker, type ThreadWorker } from '../../worker/threads.ts'
import { CATASTROPHIC_RULE } from '../../fixtures/hostile-rules.ts'
import { RULESET_EVENTS, RULESET_FILES } from '../../fixtures/ruleset-rules.ts'

const threads: ThreadWorker[] = []
afterEach(() => threads.splice(0).forEach((t) => t.terminate()))

function threadWorker(): RuleSetWorker {
  const worker = createThreadWorker()
  threads.push(worker)
  return worker
}

function run(request: RuleSetRequest) {
  const updates: RunUpdate[] = []
  let settle: (u: RunUpdate) => void = () => {}
  const ended = new Promise<RunUpdate>((resolve) => (settle = resolve))
  const handle = runRuleSetInWorker(
    request,
    (update) => {
      updates.push(update)
      if (update.type === 'done' || update.type === 'failed') settle(update)
    },
    threadWorker,
    { ...RUN_BUDGETS, startMs: 20_000 },
  )
  return { updates, ended, handle }
}

const FILES = Object.entries(RULESET_FILES).map(([path, text]) => ({ path, text }))
const withoutTimes = (r: { millis: unknown }) => ({ ...r, millis: undefined })

describe('runRuleSetInWorker', () => {
  it('gives the same result as running the set in place', async () => {
    const request = { files: FILES, events: RULESET_EVENTS, options: {} }
    const { ended } = run(request)
    const end = await ended
    expect(end.type).toBe('done')
    if (end.type !== 'done') return
    expect(withoutTimes(end.result)).toEqual(withoutTimes(runRuleSetNow(request)))
  })

  it('names a rule that stalls, lists it as an error and runs the others without it', async () => {
    const events = JSON.stringify([
      ...(JSON.parse(RULESET_EVENTS) as unknown[]),
      { EventID: 3, CommandLine: 'a'.repeat(40) + '!' },
    ])
    const files = [...FILES, { path: 'slow/catastrophic.yml', text: CATASTROPHIC_RULE }]
    const { ended, updates } = run({ files, events, options: {} })
    const end = await ended
    expect(end.type).toBe('done')
    if (end.type !== 'done') return
    expect(end.result.errors.map((e) => [e.path, e.message])).toEqual([
      ['broken.yml', expect.stringContaining('filter_missing')],
      ['slow/catastrophic.yml', expect.stringMatching(/took over 1 s on event 9/)],
    ])
    const fast = runRuleSetNow({ files: FILES, events, options: {} })
    expect(end.result.rules.map((r) => [r.path, r.hits])).toEqual(
      fast.rules.map((r) => [r.path, r.hits]),
    )
    expect(updates.filter((u) => u.type === 'restart')).toHaveLength(2)
    expect(threads.slice(0, -1).every((t) => t.terminated)).toBe(true)
  }, 60_000)

  it('cancel terminates the worker and reports nothing more', async () => {
    const many = JSON.stringify(
      Array.from({ length: 60_000 }, (_, i) => ({
        Image: `C:\\x\\${i}.exe`,
        CommandLine: `run ${i}`,
      })),
    )
    const { handle, updates } = run({ files: FILES, events: many, options: {} })
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (updates.some((u) => u.type === 'progress' && u.progress.phase === 'evaluate')) {
          clearInterval(poll)
          resolve()
        }
      }, 5)
    })
    handle.cancel()
    const seen = updates.length
    expect(threads[0]?.terminated).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(updates.length).toBe(seen)
    expect(updates.some((u) => u.type === 'done')).toBe(false)
  }, 60_000)
})
