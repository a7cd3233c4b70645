// Encoding the shared state into a link fragment. Apart from decoding and validation, so that
// the worker that encodes after each pause in typing (worker/share.worker.ts) bundles only this.
import { bytesToBase64url } from './base64url.ts'
import { deflateRaw } from './deflate.ts'
import { OPTION_KEYS, PAYLOAD_FIELDS } from './fields.ts'
import type { SharedState } from './types.ts'
import { V1_DEFAULTS } from './v1-defaults.ts'

export const CURRENT_VERSION = 'v1'

/** The payload JSON: `options` values of `null` mean "unset although the defaults set it". */
export async function encodeV1(diff: Record<string, unknown>): Promise<string> {
  const json = JSON.stringify(diff)
  return bytesToBase64url(await deflateRaw(new TextEncoder().encode(json)))
}

/** Strings (the rule, megabytes of events) compare as they are, without a JSON copy of each. */
const sameJson = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' || typeof b === 'string' ? a === b : JSON.stringify(a) === JSON.stringify(b)

/** Only the fields (and option keys) that differ from `defaults`. */
export function diffState(state: SharedState, defaults: SharedState): Record<string, unknown> {
  const diff: Record<string, unknown> = {}
  for (const field of PAYLOAD_FIELDS) {
    if (field === 'options' || state[field] === undefined) continue
    if (!sameJson(state[field], defaults[field])) diff[field] = state[field]
  }
  const options: Record<string, unknown> = {}
  for (const key of OPTION_KEYS) {
    const mine = state.options[key]
    if (!sameJson(mine, defaults.options[key])) options[key] = mine === undefined ? null : mine
  }
  if (Object.keys(options).length > 0) diff.options = options
  return diff
}

/**
 * `#v1/` + base64url(deflate-raw(JSON of what differs from the frozen v1 defaults)). Never the
 * page's current defaults: those may change, and a link must open the same state forever.
 */
export async function encodeState(state: SharedState): Promise<string> {
  return `#${CURRENT_VERSION}/${await encodeV1(diffState(state, V1_DEFAULTS))}`
}
