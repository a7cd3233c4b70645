import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applySharedState,
  decodeFragment,
  diffState,
  encodeState,
  isLinkTooLong,
  linkLength,
  shareUrl,
  type SharedState,
  V1_DEFAULTS,
} from '../../src/share/index.ts'
import { defaults } from './helpers.ts'

// Full Unicode code points (no lone surrogates, which no UTF-8 text can carry).
const text = fc.string({ unit: 'binary', maxLength: 300 })
const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype'),
)
const record = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(key, value), { maxLength: 5 }).map((entries) => Object.fromEntries(entries))

const stateArbitrary: fc.Arbitrary<SharedState> = fc.record({
  rule: fc.oneof(text, fc.constant(defaults.rule)),
  events: fc.oneof(text, fc.constant(defaults.events)),
  selected: fc.oneof(fc.nat(), fc.constant(0)),
  options: fc.record(
    {
      placeholders: record(fc.array(text, { maxLength: 4 })),
      fieldMap: record(text),
      flattenEvtx: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
})

describe('encodeState / decodeFragment', () => {
  it('round-trips any state exactly, Unicode included', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const fragment = await encodeState(state)
        expect(fragment).toMatch(/^#v1\/[A-Za-z0-9_-]*$/)
        const decoded = await decodeFragment(fragment)
        if (!decoded.ok) throw new Error(decoded.message)
        const restored = decoded.state
        // Compared as JSON: vitest's equality treats an own `constructor` key as a class check.
        expect([restored.rule, restored.events, restored.selected]).toStrictEqual([
          state.rule,
          state.events,
          state.selected,
        ])
        expect(Object.keys(restored.options).sort()).toStrictEqual(
          Object.keys(state.options).sort(),
        )
        for (const [name, value] of Object.entries(state.options)) {
          expect(JSON.stringify(restored.options[name as keyof typeof restored.options])).toBe(
            JSON.stringify(value),
          )
        }
      }),
      { numRuns: 200 },
    )
  })

  it('keeps dashes and non-Latin text byte for byte', async () => {
    const rule = "title: En dash – em dash — 日本語 Ελληνικά русский 🦀\ndescription: 'ä\\u00e4'\n"
    const decoded = await decodeFragment(await encodeState({ ...V1_DEFAULTS, rule, options: {} }))
    expect(decoded).toStrictEqual({ ok: true, state: { ...V1_DEFAULTS, rule, options: {} } })
  })

  it('encodes only what differs from the defaults', async () => {
    expect(diffState(defaults, defaults)).toStrictEqual({})
    expect(diffState({ ...defaults, selected: 3 }, defaults)).toStrictEqual({ selected: 3 })
    const unset = { ...defaults, options: {} }
    expect(diffState(unset, defaults)).toStrictEqual({ options: { flattenEvtx: null } })
    const decoded = await decodeFragment(await encodeState(unset))
    expect(decoded.ok && decoded.state).toStrictEqual(unset)
    expect(applySharedState(defaults, { selected: 1 })).toStrictEqual({ ...defaults, selected: 1 })
    // The v1 defaults' link is tiny: just the empty object.
    expect((await encodeState({ ...V1_DEFAULTS, options: {} })).length).toBeLessThan(12)
  })

  it('accepts the fragment with or without #', async () => {
    const fragment = await encodeState({ ...V1_DEFAULTS, selected: 2, options: {} })
    expect(await decodeFragment(fragment.slice(1))).toStrictEqual({
      ok: true,
      state: { ...V1_DEFAULTS, selected: 2, options: {} },
    })
  })
})

describe('link length', () => {
  it('measures the link without the page’s own fragment', () => {
    expect(shareUrl('http://127.0.0.1:4173/#v1/old', '#v1/abc')).toBe(
      'http://127.0.0.1:4173/#v1/abc',
    )
    expect(linkLength('http://x/', '#v1/abc')).toBe('http://x/#v1/abc'.length)
    expect(isLinkTooLong(8000)).toBe(false)
    expect(isLinkTooLong(8001)).toBe(true)
  })
})
