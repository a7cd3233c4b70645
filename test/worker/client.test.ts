// SigmaClient against the real worker in a Node thread: latest wins, caching of unchanged texts,
// and a catastrophic regex that gets the worker replaced and the slow rule part named.
import { describe, expect, it } from 'vitest'
import { DEFAULT_EVENT_LIST, DEFAULT_EVENTS } from '../../src/ui/defaults/events.ts'
import { DEFAULT_RULE } from '../../src/ui/defaults/rule.ts'
import { input, start } from './client-harness.ts'
import { CATASTROPHIC_EVENTS, CATASTROPHIC_RULE } from '../fixtures/hostile-rules.ts'
import { seededRandom } from '../../bench/seeded-random.ts'

/** The default events repeated: enough of them make an evaluation outlast any budget. */
const manyEvents = (count: number) =>
  JSON.stringify(
    Array.from({ length: count }, (_, i) => DEFAULT_EVENT_LIST[i % DEFAULT_EVENT_LIST.length]),
  )

/** The default rule with `typed` after `'true`, as if typed there: any letter loses every match. */
const typedInto = (typed: string) => DEFAULT_RULE.replace("'true'", `'true${typed}'`)

/** A client over `count` default events whose first answer is in, as a typing test starts. */
async function answeredOver(count: number) {
  const harness = start(5000)
  const events = manyEvents(count)
  harness.client.request(input({ events }))
  const first = await harness.next('result', 30_000)
  if (first.type !== 'result') throw new Error('unreachable')
  return { ...harness, events, first }
}

describe('SigmaClient with the real worker', () => {
  it('evaluates the default state in the worker', async () => {
    const { client, next } = start()
    client.request(input())
    const outcome = await next('result')
    if (outcome.type !== 'result') throw new Error('unreachable')
    expect(outcome.result.counts).toMatchObject({ events: 9, matches: 2 })
    expect(Array.from(outcome.result.rows.match, (m) => m === 1)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ])
    expect(outcome.result.trace?.match).toBe(true)
  })

  it('keeps only the latest of several quick requests', async () => {
    const { client, next, outcomes } = start()
    client.request(input({ selected: 0 }))
    client.request(input({ selected: 3 }))
    client.request(input({ selected: 7 }))
    const outcome = await next('result')
    await new Promise((r) => setTimeout(r, 200))
    if (outcome.type !== 'result') throw new Error('unreachable')
    expect(outcome.result.selected).toBe(7)
    expect(outcomes.filter((o) => o.type === 'result')).toHaveLength(0)
  })

  it('shows the answer of a run that newer requests waited behind, then runs only the newest', async () => {
    const { client, next, outcomes, sent } = start()
    client.request(input())
    await next('result')
    // A run outlasting the keys typed meanwhile: its answer is still news, and of the keys
    // waiting behind it only the last is run.
    const typed = (x: string) => input({ rule: typedInto(x) })
    client.request(typed('x'))
    client.request(typed('xx'))
    client.request(typed('xxx'))
    const first = await next('result')
    const second = await next('result')
    await new Promise((r) => setTimeout(r, 200))
    if (first.type !== 'result' || second.type !== 'result') throw new Error('unreachable')
    expect(first.input.rule).toBe(typed('x').rule)
    expect(first.result.counts.matches).toBe(0)
    expect(second.input.rule).toBe(typed('xxx').rule)
    expect(outcomes.filter((o) => o.type === 'result')).toHaveLength(0)
    expect(sent.filter((m) => m.type === 'analyze')).toHaveLength(3)
  })

  it('gets the event ranges once per events text, and puts them in every result', async () => {
    const { client, next, workers } = start()
    const eventAt = (ranges: Uint32Array, i: number, text: string) =>
      JSON.parse(text.slice(ranges[2 * i], ranges[2 * i + 1])) as { DestinationIp: string }
    client.request(input())
    const first = await next('result')
    // A rule edit right after an events edit: only the events edit's result carries the
    // ranges, and the rule edit's result must have them too.
    const few = JSON.stringify(DEFAULT_EVENT_LIST.slice(3, 6))
    client.request(input({ events: few }))
    client.request(input({ events: few, rule: typedInto('x') }))
    await next('result')
    const second = await next('result')
    client.request(input({ events: few, rule: DEFAULT_RULE }))
    const third = await next('result')
    if (first.type !== 'result' || second.type !== 'result' || third.type !== 'result')
      throw new Error('unreachable')
    expect(second.input.rule).toContain("'truex'")
    expect(first.result.events.ranges).toHaveLength(18)
    expect(eventAt(first.result.events.ranges, 1, DEFAULT_EVENTS).DestinationIp).toBe(
      DEFAULT_EVENT_LIST[1]?.DestinationIp,
    )
    for (const { result } of [second, third]) {
      expect(result.events.ranges).toHaveLength(6)
      expect(eventAt(result.events.ranges, 2, few).DestinationIp).toBe(
        DEFAULT_EVENT_LIST[5]?.DestinationIp,
      )
    }
    // The same array each time: the page rebuilds nothing for a rule edit.
    expect(third.result.events.ranges).toBe(second.result.events.ranges)
    const posted = (workers[0]?.replies ?? []).flatMap((r) => (r.type === 'result' ? [r] : []))
    expect(posted.map((r) => r.ranges?.length)).toEqual([18, 6, undefined, undefined])
  })

  it('sends the events only when they changed', async () => {
    const { client, next, sent } = start()
    client.request(input())
    await next('result')
    client.request(input({ rule: DEFAULT_RULE.replace('level: medium', 'level: high') }))
    const outcome = await next('result')
    if (outcome.type !== 'result') throw new Error('unreachable')
    expect(outcome.result.meta.level).toBe('high')
    expect(outcome.result.counts.events).toBe(9)
    const analyze = sent.filter((m) => m.type === 'analyze')
    expect(analyze[0]).toHaveProperty('events')
    expect(analyze[1]).not.toHaveProperty('events')
    expect(analyze[1]).toHaveProperty('rule')
  })

  it('lets a long evaluation run past the budget while it keeps reporting progress', async () => {
    // Small events, but many: evaluating them all takes several budgets on any machine, while
    // the stretch before the first heartbeat (compile) stays well inside one.
    const { client, next, outcomes } = start(600)
    const small = Array.from({ length: 150_000 }, (_, i) => ({
      Image: 'C:\\Windows\\System32\\rundll32.exe',
      Initiated: 'true',
      DestinationIp: `10.${i % 250}.0.1`,
    }))
    client.request(input({ events: JSON.stringify(small) }))
    // Its own time limit, above the vitest default: a loaded machine takes minutes here.
    const outcome = await next('result', 150_000)
    if (outcome.type !== 'result') throw new Error('unreachable')
    expect(outcome.result.counts.events).toBe(150_000)
    expect(outcome.elapsedMs).toBeGreaterThan(600)
    expect(outcomes.some((o) => o.type === 'progress' && o.phase === 'evaluate')).toBe(true)
    expect(outcomes.some((o) => o.type === 'timeout')).toBe(false)
  }, 180_000)

  it('supersedes a long evaluation with a newer request at its next pause', async () => {
    // A generous budget: this is about superseding, and a loaded machine must not time it out.
    const { client, next, outcomes } = start(5000)
    const events = manyEvents(30_000)
    client.request(input({ events }))
    let progress = await next('progress', 30_000)
    while (progress.type === 'progress' && progress.phase !== 'evaluate') {
      progress = await next('progress', 30_000)
    }
    const flipped = DEFAULT_RULE.replace("Initiated: 'true'", "Initiated: 'false'")
    client.request(input({ events, rule: flipped }))
    const outcome = await next('result', 60_000)
    if (outcome.type !== 'result') throw new Error('unreachable')
    expect(outcome.input.rule).toBe(flipped)
    expect(outcome.result.counts.matches).toBe(0)
    await new Promise((r) => setTimeout(r, 300))
    expect(outcomes.filter((o) => o.type === 'result')).toHaveLength(0)
  })

  it('lets a run finish once the page has been behind for as long as a run takes', async () => {
    const { client, outcomes, events, first } = await answeredOver(10_000)
    // Typing in the rule over these events, a key every 20 ms for four runs' length: each run
    // pauses within the first 40 ms, where a newer key could supersede it. Were every run
    // superseded, no result would land before the keys stop. The keys go into the logsource
    // too, so that each run evaluates every search again (the worker keeps the values of
    // searches an edit leaves alone, for the options and logsource they were read under).
    const runMs = Math.max(first.elapsedMs, 100)
    const started = performance.now()
    let newest = ''
    for (let key = 1; performance.now() - started < 4 * runMs; key++) {
      const typed = 'x'.repeat(key)
      newest = typedInto(typed).replace('product: windows', `product: windows${typed}`)
      client.request(input({ events, rule: newest }))
      await new Promise((r) => setTimeout(r, 20))
    }
    const during = outcomes.splice(0).filter((o) => o.type === 'result')
    expect(during.length).toBeGreaterThanOrEqual(1)
    // The newest key's answer, whether it came while typing or after.
    const answer = () =>
      [...during, ...outcomes].find((o) => o.type === 'result' && o.input.rule === newest)
    await expect.poll(answer, { timeout: 30_000 }).toBeDefined()
    const last = answer()
    if (last?.type !== 'result') throw new Error('unreachable')
    expect(last.result.counts.matches).toBe(0)
  })

  it('over any burst of edits, answers come in the order asked and the last is the newest', async () => {
    const { client, outcomes, events, first } = await answeredOver(4000)
    const matching = first.result.counts.matches
    expect(matching).toBeGreaterThan(0)
    const random = seededRandom(7)
    for (let burst = 0; burst < 4; burst++) {
      const asked: string[] = []
      const keys = 5 + random.int(20)
      for (let key = 0; key < keys; key++) {
        // Each edit flips the verdicts or keeps them, so a stale answer would show.
        const rule = random.chance(0.5) ? DEFAULT_RULE : typedInto('x'.repeat(1 + random.int(9)))
        const edited = `${rule}\n# edit ${burst}.${key}\n`
        asked.push(edited)
        client.request(input({ events, rule: edited }))
        await new Promise((r) => setTimeout(r, random.int(60)))
      }
      const newest = asked[asked.length - 1]
      await expect
        .poll(() => outcomes.some((o) => o.type === 'result' && o.input.rule === newest), {
          timeout: 30_000,
        })
        .toBe(true)
      await new Promise((r) => setTimeout(r, 100))
      const answered = outcomes.splice(0).flatMap((o) => (o.type === 'result' ? [o] : []))
      const order = answered.map((o) => asked.indexOf(o.input.rule))
      expect(order.every((at) => at >= 0)).toBe(true)
      expect(order).toEqual([...order].sort((a, b) => a - b))
      const last = answered[answered.length - 1]
      expect(last?.input.rule).toBe(newest)
      expect(last?.result.counts.matches).toBe(newest?.includes("'truex") ? 0 : matching)
    }
  })

  it('stops a catastrophic regex, restarts the worker and names the slow part', async () => {
    const { client, next, workers } = start(1000)
    const rule = CATASTROPHIC_RULE
    const events = CATASTROPHIC_EVENTS
    client.request(input({ rule, events }))
    const timeout = await next('timeout')
    expect(timeout).toMatchObject({ type: 'timeout', budgetMs: 1000 })
    expect(workers[0]?.terminated).toBe(true)
    const slow = await next('slow-part')
    if (slow.type !== 'slow-part') throw new Error('unreachable')
    expect(slow.part).toMatchObject({ identifier: 'slow', item: 'CommandLine|re' })
    expect(rule.slice(slow.part?.range[0], slow.part?.range[1])).toContain(
      "CommandLine|re: '(a+)+$'",
    )

    // The replacement worker answers the next request.
    client.request(input())
    const outcome = await next('result')
    if (outcome.type !== 'result') throw new Error('unreachable')
    expect(outcome.result.counts.matches).toBe(2)
  })

  it('gives a run over millions of characters of events a second more per 5 million', async () => {
    // A worker holding such events pauses longer between heartbeats (taking the text in,
    // collecting garbage) without being stuck; a stuck rule is still stopped, a little later.
    const { client, next } = start(1000)
    const events = CATASTROPHIC_EVENTS + ' '.repeat(10_000_000)
    client.request(input({ rule: CATASTROPHIC_RULE, events }))
    expect(await next('timeout', 30_000)).toMatchObject({ type: 'timeout', budgetMs: 3000 })
  }, 60_000)
})
