import { describe, expect, it } from 'vitest'
import { bytesToBase64url } from '../../src/share/base64url.ts'
import {
  decodeFragment,
  encodeState,
  V1_DEFAULTS,
  type ShareErrorCode,
} from '../../src/share/index.ts'
import { defaults, fragmentOfBytes, fragmentOfText } from './helpers.ts'

const errorOf = async (fragment: string): Promise<ShareErrorCode | 'ok'> => {
  const result = await decodeFragment(fragment)
  if (result.ok) return 'ok'
  // Every failure explains itself in a sentence, not just a code.
  expect(result.message.length).toBeGreaterThan(20)
  return result.error
}

describe('malformed fragments each give their own error code', () => {
  it('empty fragment: no state', async () => {
    expect(await errorOf('')).toBe('NO_STATE')
    expect(await errorOf('#')).toBe('NO_STATE')
  })

  it('not a share link at all', async () => {
    expect(await errorOf('#section-2')).toBe('NOT_A_SHARE_LINK')
    expect(await errorOf('#v1')).toBe('NOT_A_SHARE_LINK')
    expect(await errorOf('#constructor/abc')).toBe('NOT_A_SHARE_LINK')
  })

  it('an unknown version', async () => {
    const payload = (await encodeState({ ...defaults, selected: 1 })).slice(4)
    expect(await errorOf(`#v2/${payload}`)).toBe('UNKNOWN_VERSION')
    expect(await errorOf(`#v0/${payload}`)).toBe('UNKNOWN_VERSION')
    expect(await errorOf(`#v01/${payload}`)).toBe('UNKNOWN_VERSION')
  })

  it('bad base64: foreign characters, standard-alphabet symbols, impossible length', async () => {
    expect(await errorOf('#v1/abc$def')).toBe('BAD_BASE64')
    expect(await errorOf('#v1/ab+/cd')).toBe('BAD_BASE64')
    expect(await errorOf('#v1/abcd==')).toBe('BAD_BASE64')
    expect(await errorOf('#v1/abcde')).toBe('BAD_BASE64')
    expect(await errorOf('#v1/<img src=x onerror=alert(1)>')).toBe('BAD_BASE64')
  })

  it('truncated and corrupt deflate data', async () => {
    const fragment = await encodeState({ ...defaults, rule: 'title: x\n'.repeat(50) })
    // Cut at a multiple of 4 so the base64 itself stays valid and only the deflate stream breaks.
    const cut = fragment.slice(0, 4 + Math.floor((fragment.length - 4) / 8) * 4)
    expect(await errorOf(cut)).toBe('BAD_DEFLATE')
    expect(
      await errorOf(`#v1/${bytesToBase64url(new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x13]))}`),
    ).toBe('BAD_DEFLATE')
    // An empty payload is an empty deflate stream: also truncated.
    expect(await errorOf('#v1/')).toBe('BAD_DEFLATE')
  })

  it('bytes that are not UTF-8', async () => {
    expect(await errorOf(await fragmentOfBytes(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])))).toBe(
      'BAD_UTF8',
    )
  })

  it('text that is not JSON', async () => {
    expect(await errorOf(await fragmentOfText('{"rule": "unterminated'))).toBe('BAD_JSON')
    expect(await errorOf(await fragmentOfText('rule: yaml is not json'))).toBe('BAD_JSON')
  })

  it('valid JSON of the wrong shape, field by field', async () => {
    const shapes = [
      'null',
      '[]',
      '"a string"',
      '42',
      '{"rule": 1}',
      '{"events": ["not", "a", "string"]}',
      '{"selected": -1}',
      '{"selected": 1.5}',
      '{"selected": "3"}',
      '{"selected": 1e300}',
      '{"options": []}',
      '{"options": {"placeholders": {"x": "not a list"}}}',
      '{"options": {"placeholders": {"x": [1]}}}',
      '{"options": {"fieldMap": {"Image": 5}}}',
      '{"options": {"flattenEvtx": "yes"}}',
    ]
    for (const json of shapes) {
      expect([json, await errorOf(await fragmentOfText(json))]).toStrictEqual([json, 'BAD_SHAPE'])
    }
  })

  it('names the offending field in the message', async () => {
    const result = await decodeFragment(
      await fragmentOfText('{"options": {"fieldMap": {"Image": 5}}}'),
    )
    expect(result.ok ? '' : result.message).toContain('options.fieldMap.Image')
  })

  it('ignores unknown keys and accepts a hand-made v1 payload', async () => {
    const result = await decodeFragment(
      await fragmentOfText('{"rule": "title: t", "future": {"x": 1}}'),
    )
    expect(result).toStrictEqual({ ok: true, state: { ...V1_DEFAULTS, rule: 'title: t' } })
  })
})

describe('a link frozen in time still opens', () => {
  // Produced by this encoder on 2026-11-27; v1 links must keep decoding in every release.
  it('decodes a stored v1 fragment', async () => {
    expect(await decodeFragment(FROZEN)).toStrictEqual({
      ok: true,
      state: {
        rule: 'title: Grüße – 東京',
        events: '{"a":1}',
        selected: 2,
        options: { fieldMap: { Image: 'NewProcessName' } },
      },
    })
  })
})

// encodeState({ rule: 'title: Grüße – 東京', events: '{"a":1}', selected: 2,
//   options: { fieldMap: { Image: 'NewProcessName' } } }, defaults) in Node 20.
const FROZEN =
  '#v1/FcwxCsIwFAbgq5R_zqLj20UcLB6gS2hfpfCalOS1CiHgHZzFC7i4iltvIuI5pNs3fQlhFAZBOxWmYhvm93zn4nO5Fr_b8_t6wIAndhpBSBVsBVplGEQWrpUb0NrAD9p5F0EJbcfS7O2weNfb45KXfDoEX3OMpe0Z2aAVq8puM-kZ5EaRnP8'
