import { beforeEach, describe, expect, it } from 'vitest'
import type { SharedState } from '../../../src/share/index.ts'
import {
  loadDraft,
  MAX_DRAFT_CHARS,
  saveDraft,
  sameState,
} from '../../../src/ui/persistence/draft.ts'
import { loadPaneSizes, loadTheme, saveTheme } from '../../../src/ui/persistence/preferences.ts'
import { STORAGE_KEYS } from '../../../src/ui/persistence/storage.ts'

// Node has no localStorage: a Map behind the same three methods, with a quota like a browser's.
class MemoryStorage {
  items = new Map<string, string>()
  quota = Number.POSITIVE_INFINITY
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new Error('QuotaExceededError')
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

const defaults: SharedState = {
  rule: 'title: d',
  events: '[]',
  selected: 0,
  options: { flattenEvtx: true },
}
const mine: SharedState = {
  rule: 'title: Größe — 東京',
  events: '{"a":1}',
  selected: 3,
  options: { fieldMap: { Image: 'NewProcessName' } },
}

describe('draft', () => {
  it('round-trips the state', () => {
    expect(saveDraft(mine)).toBe(true)
    const loaded = loadDraft(defaults)
    expect(loaded && sameState(loaded, mine)).toBe(true)
  })

  it('keeps the set-aside draft in its own key', () => {
    saveDraft(mine, STORAGE_KEYS.previousDraft)
    expect(loadDraft(defaults)).toBeUndefined()
    expect(loadDraft(defaults, STORAGE_KEYS.previousDraft)?.rule).toBe(mine.rule)
  })

  it('ignores what is not a valid draft', () => {
    for (const stored of ['{not json', '[]', '{"rule": 5}', '{"selected": -2}']) {
      storage.items.set(STORAGE_KEYS.draft, stored)
      expect([stored, loadDraft(defaults)]).toStrictEqual([stored, undefined])
    }
    storage.items.set(STORAGE_KEYS.draft, '{"__proto__": {"polluted": 1}, "rule": "r"}')
    expect(loadDraft(defaults)?.rule).toBe('r')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses states too large for storage without throwing', () => {
    expect(saveDraft({ ...mine, events: 'x'.repeat(MAX_DRAFT_CHARS) })).toBe(false)
    expect(storage.items.size).toBe(0)
    storage.quota = 10
    expect(saveDraft(mine)).toBe(false)
  })

  it('survives storage that throws on every call', () => {
    ;(globalThis as { localStorage?: unknown }).localStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('SecurityError')
      },
    }
    expect(loadDraft(defaults)).toBeUndefined()
    expect(saveDraft(mine)).toBe(false)
    expect(loadTheme()).toBe('system')
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
