// Format v1: base64url(deflate-raw(UTF-8 JSON)) of the fields that differ from the defaults.
// Links outlive releases: this decoder must keep accepting every v1 link ever produced.
import { base64urlToBytes } from './base64url.ts'
import { inflateRawCapped } from './deflate.ts'
import { applySharedState } from './apply.ts'
import type { DecodeResult } from './types.ts'
import { failure } from './types.ts'
import { validatePayload } from './validate.ts'
import { V1_DEFAULTS } from './v1-defaults.ts'

/** Decompressed payloads beyond this are refused as bombs. */
export const MAX_DECOMPRESSED_BYTES = 20 * 1024 * 1024
/** Far above any compressed state that fits the cap; checked before any work is done. */
export const MAX_PAYLOAD_CHARS = 8 * 1024 * 1024

export async function decodeV1(payload: string): Promise<DecodeResult> {
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return failure('TOO_LARGE', `The link is too long to open (${payload.length} characters).`)
  }
  const compressed = base64urlToBytes(payload)
  if (!compressed) {
    return failure(
      'BAD_BASE64',
      'The link is damaged: its data contains characters that cannot be part of a share link (was it cut or altered?).',
    )
  }
  const inflated = await inflateRawCapped(compressed, MAX_DECOMPRESSED_BYTES)
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') {
      return failure(
        'TOO_LARGE',
        `The link expands to more than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB and was refused.`,
      )
    }
    return failure(
      'BAD_DEFLATE',
      'The link is damaged: its compressed data is truncated or corrupt (was it cut short when copied?).',
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
  } catch {
    return failure('BAD_UTF8', 'The link is damaged: its data is not valid UTF-8 text.')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return failure('BAD_JSON', 'The link is damaged: its data is not valid JSON.')
  }
  const validated = validatePayload(parsed)
  if (!validated.ok) {
    return failure('BAD_SHAPE', `The link's data has the wrong shape: ${validated.message}.`)
  }
  // What a v1 payload leaves out is what equalled V1_DEFAULTS when the link was made.
  return { ok: true, state: applySharedState(V1_DEFAULTS, validated.value) }
}
