// The start-up choice, as a pure function: link, this tab's draft, the newest draft, set-aside
// work and the defaults, each case with the state it must start from and what it must say.
import { describe, expect, it } from 'vitest'
import type { DecodeResult, SharedState } from '../../../src/share/index.ts'
import type { LoadedDraft } from '../../../src/ui/persistence/draft.ts'
import {
  MAX_SET_ASIDE,
  pushSetAside,
  type SetAsideEntry,
} from '../../../src/ui/persistence/set-aside.ts'
import { chooseStart, openLinkOver, type StartInput } from '../../../src/ui/start/choose-start.ts'

const state = (rule: string, events = '[]'): SharedState => ({
  rule,
  events,
  selected: 0,
  options: {},
})
const defaults = state('title: default')
const mine = state('title: my own work')
const linkY = state('title: link Y', '[{"y":1}]')
const linkZ = state('title: link Z', '[{"z":1}]')
const ok = (s: SharedState): DecodeResult => ({ ok: true, state: s })
const draft = (s: SharedState, edited: boolean, extra: Partial<LoadedDraft> = {}): LoadedDraft => ({
  state: s,
  edited,
  savedAt: 100,
  atFragment: '',
  ...extra,
})
const input = (over: Partial<StartInput>): StartInput => ({
  defaults,
  fragment: '',
  link: undefined,
  ownDraft: undefined,
  latestDraft: undefined,
  setAside: [],
  dismissedAt: 0,
  now: 1000,
  ...over,
})

describe('chooseStart without a link', () => {
  it('starts from the defaults when nothing is stored; they are not work', () => {
    const start = chooseStart(input({}))
    expect([
      start.state,
      start.base,
      start.offerSetAside,
      start.status,
      start.storageNote,
    ]).toStrictEqual([defaults, defaults, false, undefined, undefined])
  })

  it("a reload brings back this tab's draft, not another tab's newer one", () => {
    const other = draft(state('title: other tab'), true, { savedAt: 500 })
    const start = chooseStart(input({ ownDraft: draft(mine, true), latestDraft: other }))
    expect(start.state).toBe(mine)
    expect(start.base).toBeUndefined()
  })

  it('a new tab picks up the newest draft of any tab', () => {
    expect(chooseStart(input({ latestDraft: draft(mine, true) })).state).toBe(mine)
  })

  it('an unedited draft keeps its state as the base: it is still not work', () => {
    expect(chooseStart(input({ ownDraft: draft(linkY, false) })).base).toBe(linkY)
  })

  it('says when only part of the draft came back', () => {
    const start = chooseStart(
      input({ ownDraft: draft(mine, true, { note: 'Its events are gone.' }) }),
    )
    expect(start.status).toStrictEqual({
      message: 'Restored your autosaved rule. Its events are gone.',
      tone: 'warning',
    })
    expect(start.storageNote).toBe('Restored your autosaved rule. Its events are gone.')
  })

  it('offers set-aside work until the user hid the banner for its newest entry', () => {
    const setAside: SetAsideEntry[] = [{ state: mine, savedAt: 50, kind: 'work' }]
    expect(chooseStart(input({ setAside })).offerSetAside).toBe(true)
    expect(chooseStart(input({ setAside, dismissedAt: 50 })).offerSetAside).toBe(false)
    expect(chooseStart(input({ setAside: [], dismissedAt: 0 })).offerSetAside).toBe(false)
  })

  it('an empty fragment (#) is no link', () => {
    const link: DecodeResult = { ok: false, error: 'NO_STATE', message: 'none' }
    const start = chooseStart(input({ fragment: '#', link, ownDraft: draft(mine, true) }))
    expect([start.state, start.linkError]).toStrictEqual([mine, undefined])
  })
})

describe('chooseStart with a link', () => {
  it('opens the link over the newest draft and sets that work aside', () => {
    const start = chooseStart(
      input({ fragment: '#v1/Y', link: ok(linkY), latestDraft: draft(mine, true) }),
    )
    expect(start.state).toBe(linkY)
    expect(start.base).toBe(linkY)
    expect(start.setAside).toStrictEqual([{ state: mine, savedAt: 1000, kind: 'work' }])
    expect([start.setAsideChanged, start.offerSetAside]).toStrictEqual([true, true])
    expect(start.status?.message).toContain('set aside')
  })

  it('a draft that is only an earlier link is not work: nothing is set aside', () => {
    const start = chooseStart(
      input({
        fragment: '#v1/Z',
        link: ok(linkZ),
        ownDraft: draft(linkY, false, { atFragment: '#v1/Y' }),
      }),
    )
    expect([start.state, start.setAside, start.setAsideChanged]).toStrictEqual([linkZ, [], false])
    expect(start.status).toStrictEqual({ message: 'Opened the shared link.', tone: 'success' })
  })

  it("a reload at the fragment the tab's draft was saved under brings the draft back, quietly", () => {
    // Edited within the autosave's pause: the address bar still shows the older link.
    const newer = draft(state('title: newest keystrokes'), true, { atFragment: '#v1/Y' })
    const start = chooseStart(input({ fragment: '#v1/Y', link: ok(linkY), ownDraft: newer }))
    expect([start.state, start.status, start.setAsideChanged]).toStrictEqual([
      newer.state,
      undefined,
      false,
    ])
  })

  it('a reload asked for just before the mirror moved on brings the draft back, quietly', () => {
    // The page lived on until the reload's answer came: its save mirrored #v1/Z over #v1/Y,
    // but the reload was already on its way to #v1/Y.
    const newer = draft(state('title: newest keystrokes'), true, {
      atFragment: '#v1/Z',
      replacedFragment: '#v1/Y',
    })
    const start = chooseStart(input({ fragment: '#v1/Y', link: ok(linkY), ownDraft: newer }))
    expect([start.state, start.status, start.setAsideChanged]).toStrictEqual([
      newer.state,
      undefined,
      false,
    ])
  })

  it('a draft stored only in part takes the whole state from the address bar it was saved under', () => {
    const partial = draft({ ...linkY, events: '' }, true, { atFragment: '#v1/Y', note: 'gone' })
    const start = chooseStart(input({ fragment: '#v1/Y', link: ok(linkY), ownDraft: partial }))
    expect([start.state, start.base, start.storageNote]).toStrictEqual([
      linkY,
      undefined,
      undefined,
    ])
  })

  it('a reload whose link equals the draft says nothing either', () => {
    const start = chooseStart(
      input({ fragment: '#v1/new', link: ok(linkY), ownDraft: draft(linkY, false) }),
    )
    expect([start.state, start.status]).toStrictEqual([linkY, undefined])
  })

  it('a broken link keeps the draft and says why', () => {
    const link: DecodeResult = { ok: false, error: 'BAD_BASE64', message: 'The link is damaged.' }
    const start = chooseStart(input({ fragment: '#v1/$', link, latestDraft: draft(mine, true) }))
    expect(start.state).toBe(mine)
    expect(start.linkError).toBe('The link is damaged. Your own work was kept.')
    expect(start.status?.tone).toBe('error')
  })
})

describe('a chain of links never pushes the user’s work out', () => {
  it('Y then Z over my draft: restoring gives my draft, not Y', () => {
    const first = openLinkOver({ state: mine, edited: true }, linkY, [], 0, 1)
    const second = openLinkOver({ state: first.state, edited: false }, linkZ, first.setAside, 0, 2)
    expect(second.setAside.map((e) => e.state)).toStrictEqual([mine])
    expect(second.offerSetAside).toBe(true)
  })

  it('keeps the last few, newest first; link entries are dropped before work', () => {
    let list: SetAsideEntry[] = [{ state: linkY, savedAt: 0, kind: 'link' }]
    for (let i = 1; i <= MAX_SET_ASIDE; i++) {
      list = pushSetAside(list, { state: state(`title: work ${i}`), savedAt: i, kind: 'work' })
    }
    expect(list.map((e) => e.state.rule)).toStrictEqual(
      [5, 4, 3, 2, 1].map((i) => `title: work ${i}`),
    )
    // The same work set aside again moves to the front instead of filling a second slot.
    list = pushSetAside(list, { state: state('title: work 2'), savedAt: 9, kind: 'work' })
    expect(list.map((e) => e.savedAt)).toStrictEqual([9, 5, 4, 3, 1])
  })
})
