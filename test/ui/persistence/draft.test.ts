import { beforeEach, describe, expect, it } from 'vitest'
import type { SharedState } from '../../../src/share/index.ts'
import {
  combine,
  fingerprint,
  LOCAL_EVENTS_LIMIT,
  loadDrafts,
  MAX_DRAFT_CHARS,
  pruneDrafts,
  sameState,
  saveDraft,
  saveDraftNow,
  type Draft,
} from '../../../src/ui/persistence/draft.ts'
import { loadPaneSizes, loadTheme, saveTheme } from '../../../src/ui/persistence/preferences.ts'
import { saveMessage } from '../../../src/ui/persistence/save-message.ts'
import { STORAGE_KEYS, WORK_PREFIX } from '../../../src/ui/persistence/storage.ts'

// Node has no localStorage (nor IndexedDB: these tests cover the localStorage side and a
// browser without IndexedDB; e2e/persistence.spec.ts covers IndexedDB in chromium). A Map
// behind the same methods, with a quota on the total like a browser's.
class MemoryStorage {
  items = new Map<string, string>()
  quota = Number.POSITIVE_INFINITY
  get length() {
    return this.items.size
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    let total = value.length
    for (const [k, v] of this.items) if (k !== key) total += v.length
    if (total > this.quota) throw new Error('QuotaExceededError')
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}
let storage: MemoryStorage
beforeEach(() => {
  storage = new MemoryStorage()
  ;(globalThis as { localStorage?: unknown }).localStorage = storage
})

const mine: SharedState = {
  rule: 'title: Größe — 東京',
  events: '{"a":1}',
  selected: 3,
  options: { fieldMap: { Image: 'NewProcessName' } },
}
/** The drafts of `tabs` as the start-up reads them. */
const loaded = async (...tabs: string[]) => (await loadDrafts(tabs)).drafts

const draft = (state: SharedState, savedAt = 1): Draft => ({
  state,
  edited: true,
  savedAt,
  atFragment: '#v1/abc',
})

describe('per-tab drafts', () => {
  it('round-trip the state and what the start-up needs, one key per tab', async () => {
    expect(await saveDraft('tab-a', draft(mine))).toStrictEqual({
      rule: true,
      events: true,
      eventsChars: 7,
    })
    await saveDraft('tab-b', draft({ ...mine, rule: 'title: b' }, 2))
    const drafts = await loaded('tab-a', 'tab-b')
    const a = drafts.get('tab-a')
    expect(a && sameState(a.state, mine)).toBe(true)
    expect([a?.edited, a?.savedAt, a?.atFragment, a?.note]).toStrictEqual([
      true,
      1,
      '#v1/abc',
      undefined,
    ])
    expect(drafts.get('tab-b')?.state.rule).toBe('title: b')
  })

  it('keep the fragment a save replaced, where a reload may be headed', async () => {
    await saveDraft('tab-r', { ...draft(mine), replacedFragment: '#v1/older' })
    const r = (await loaded('tab-r')).get('tab-r')
    expect([r?.atFragment, r?.replacedFragment]).toStrictEqual(['#v1/abc', '#v1/older'])
  })

  it("read this tab's draft and the newest, and of the others only when they were saved", async () => {
    await saveDraft('old', draft({ ...mine, rule: 'title: old' }, 1))
    await saveDraft('mine', draft({ ...mine, rule: 'title: mine' }, 2))
    await saveDraft('newest', draft({ ...mine, rule: 'title: newest' }, 3))
    // A record that is not valid counts as saved at no time, first to be pruned.
    storage.items.set(`${WORK_PREFIX}broken`, JSON.stringify({ savedAt: 4, rule: 5 }))
    const { drafts, newest, savedAt } = await loadDrafts(['mine', 'gone'])
    expect([...drafts.keys()].sort()).toStrictEqual(['mine', 'newest'])
    expect(newest?.state.rule).toBe('title: newest')
    expect([...savedAt].sort()).toStrictEqual([
      ['broken', 0],
      ['mine', 2],
      ['newest', 3],
      ['old', 1],
    ])
    pruneDrafts(savedAt, 'mine', 1)
    expect([...storage.items.keys()].sort()).toStrictEqual([
      `${WORK_PREFIX}mine`,
      `${WORK_PREFIX}newest`,
    ])
  })

  it('keep large events out of localStorage, but always the rule', async () => {
    const big = { ...mine, events: 'x'.repeat(LOCAL_EVENTS_LIMIT + 1) }
    // No IndexedDB here: the rule is saved, the events are not, and the report says so.
    expect(await saveDraft('tab-a', draft(big))).toStrictEqual({
      rule: true,
      events: false,
      eventsChars: LOCAL_EVENTS_LIMIT + 1,
      why: 'no-indexeddb',
    })
    const stored = storage.items.get(`${WORK_PREFIX}tab-a`) ?? ''
    expect(stored.length).toBeLessThan(1000)
    const restored = (await loaded('tab-a')).get('tab-a')
    expect([restored?.state.rule, restored?.state.events]).toStrictEqual([mine.rule, ''])
    expect(restored?.note).toContain('not restored')
  })

  it("keep the user's pipeline, also when only the rule fits", async () => {
    const pipeline = 'name: mine\ntransformations:\n  - type: field_name_suffix\n    suffix: _x\n'
    const withPipeline = { ...mine, options: { ...mine.options, pipelines: [pipeline] } }
    await saveDraft('tab-a', draft(withPipeline))
    await saveDraft('tab-b', draft({ ...withPipeline, events: 'x'.repeat(LOCAL_EVENTS_LIMIT + 1) }))
    const drafts = await loaded('tab-a', 'tab-b')
    expect(drafts.get('tab-a')?.state.options.pipelines).toStrictEqual([pipeline])
    expect(drafts.get('tab-b')?.state.options.pipelines).toStrictEqual([pipeline])
  })

  it('keep the newest rule when the quota is full, and say truthfully what was not saved', async () => {
    await saveDraft('tab-a', draft(mine))
    storage.quota = JSON.stringify(draft(mine)).length + 200
    const newer = { ...mine, rule: 'title: newest', events: '{"b":"' + 'y'.repeat(400) + '"}' }
    const report = saveDraftNow('tab-a', draft(newer, 2))
    expect(report).toStrictEqual({
      rule: true,
      events: false,
      eventsChars: newer.events.length,
      why: 'full',
    })
    const restored = (await loaded('tab-a')).get('tab-a')
    expect(restored?.state.rule).toBe('title: newest')
    expect(saveMessage(report, undefined, newer.rule.length)?.message).toBe(
      "Autosaved the rule, but not the events (408 characters): the browser's storage is full. Keep the events in a file.",
    )
    storage.quota = 5
    const none = saveDraftNow('tab-a', draft(newer, 3))
    expect(none).toStrictEqual({ rule: false, events: false, eventsChars: 408, why: 'full' })
    expect(saveMessage(none, report, 13)?.tone).toBe('error')
    // Said once when the outcome changes, not on every save.
    expect(saveMessage(none, none, 13)).toBeUndefined()
    expect(saveMessage({ rule: true, events: true, eventsChars: 1 }, none, 13)?.tone).toBe(
      'success',
    )
  })

  it('blame the size only when the state is over the limit', () => {
    const report = { rule: true, events: false, eventsChars: MAX_DRAFT_CHARS + 1 }
    expect(saveMessage(report, undefined, 10)?.message).toContain('too large to autosave')
  })

  it('ignore what is not a valid draft, and pollute nothing', async () => {
    for (const stored of [
      '{not json',
      '[]',
      '{"rule": 5}',
      '{"selected": -2}',
      '{"events": "[]"}',
    ]) {
      storage.items.set(`${WORK_PREFIX}t`, stored)
      expect([stored, (await loaded('t')).get('t')]).toStrictEqual([stored, undefined])
    }
    storage.items.set(
      `${WORK_PREFIX}t`,
      '{"__proto__": {"polluted": 1}, "rule": "r", "events": ""}',
    )
    expect((await loaded('t')).get('t')?.state.rule).toBe('r')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('bring the single draft of earlier releases over as work', async () => {
    storage.items.set(STORAGE_KEYS.draft, JSON.stringify(mine))
    const drafts = await loaded()
    expect(drafts.get('earlier')?.edited).toBe(true)
    expect(drafts.get('earlier')?.state.rule).toBe(mine.rule)
  })

  it('survive storage that throws on every call', async () => {
    const refuse = () => {
      throw new Error('SecurityError')
    }
    ;(globalThis as { localStorage?: unknown }).localStorage = {
      getItem: refuse,
      setItem: refuse,
      key: refuse,
      get length(): number {
        return refuse()
      },
    }
    expect((await loaded('t')).size).toBe(0)
    expect(saveDraftNow('t', draft(mine))).toStrictEqual({
      rule: false,
      events: false,
      eventsChars: 7,
      why: 'full',
    })
    expect(loadTheme()).toBe('system')
  })
})

describe('combine: the newest of localStorage and IndexedDB', () => {
  const stored = (
    state: SharedState,
    savedAt: number,
    hasEvents: boolean,
    eventsHash?: string,
  ) => ({
    ...draft(state, savedAt),
    hasEvents,
    eventsHash,
  })
  const whole = stored({ ...mine, rule: 'title: older' }, 1, true)

  it('a newer rule-only save wins, with the events of the whole save and no note when they match', () => {
    const local = stored(
      { ...mine, rule: 'title: newer', events: '' },
      2,
      false,
      fingerprint(mine.events),
    )
    expect(combine(local, whole)).toStrictEqual({ ...draft({ ...mine, rule: 'title: newer' }, 2) })
  })

  it('says so when the events are older than the rule', () => {
    const local = stored(
      { ...mine, rule: 'title: newer', events: '' },
      2,
      false,
      fingerprint('other'),
    )
    expect(combine(local, whole)?.note).toContain('earlier autosave')
  })

  it('a whole save at least as new wins over a rule-only one', () => {
    const local = stored({ ...mine, events: '' }, 1, false)
    expect(combine(local, whole)?.state.rule).toBe('title: older')
    expect(combine(undefined, undefined)).toBeUndefined()
  })
})

describe('preferences', () => {
  it('live in their own keys, apart from the draft', () => {
    saveTheme('dark')
    expect(loadTheme()).toBe('dark')
    expect(storage.items.get(STORAGE_KEYS.theme)).toBe('dark')
    storage.items.set(STORAGE_KEYS.theme, '<script>')
    expect(loadTheme()).toBe('system')
  })

  it('keeps only sensible pane sizes', () => {
    storage.items.set(
      STORAGE_KEYS.paneSizes,
      '{"columns": 0.4, "left": 7, "right": "0.5", "__proto__": 0.3}',
    )
    const sizes = loadPaneSizes()
    expect(Object.keys(sizes).sort()).toStrictEqual(['__proto__', 'columns'])
    expect(Object.getPrototypeOf(sizes)).toBe(Object.prototype)
    storage.items.set(STORAGE_KEYS.paneSizes, 'null')
    expect(loadPaneSizes()).toStrictEqual({})
  })
})
