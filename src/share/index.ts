// Share links: the page state <-> a URL fragment `#v<n>/<payload>`. Pure: runs in the page,
// a worker and Node. Public API: encodeState, decodeFragment, applySharedState, linkLength.
import type { DecodeResult } from './types.ts'
import { failure } from './types.ts'
import { decodeV1 } from './v1.ts'

export type { DecodeResult, PartialSharedState, SharedState, ShareErrorCode } from './types.ts'
export { MAX_DECOMPRESSED_BYTES } from './v1.ts'
export { V1_DEFAULTS } from './v1-defaults.ts'
export { applySharedState } from './apply.ts'
export { CURRENT_VERSION, diffState, encodeState } from './encode.ts'

/** Every version ever shipped keeps its decoder. A Map, so `#constructor/...` finds nothing. */
const decoders = new Map<string, (payload: string) => Promise<DecodeResult>>([['v1', decodeV1]])

/** Links longer than this may be cut by chat tools and some browsers; the UI warns. */
export const LINK_WARN_LENGTH = 8000

const FRAGMENT = /^v(\d{1,6})\/(.*)$/s

/** Fragments that open a part of the page (`#gallery`, `#exercise/x`) rather than carry a state. */
const PAGE_ROUTE = /^(gallery|exercise\/[a-z0-9-]+)$/

/** Accepts the fragment with or without its leading `#`. Never throws. */
export async function decodeFragment(fragment: string): Promise<DecodeResult> {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (body === '' || PAGE_ROUTE.test(body))
    return failure('NO_STATE', 'The link carries no shared state.')
  const match = FRAGMENT.exec(body)
  if (!match) {
    return failure('NOT_A_SHARE_LINK', 'The part after # is not a Sigma Playground share link.')
  }
  const version = `v${match[1]}`
  const decode = decoders.get(version)
  if (!decode) {
    return failure(
      'UNKNOWN_VERSION',
      `The link uses format ${version}, which this version of the page does not know (made by a newer release?).`,
    )
  }
  try {
    return await decode(match[2] ?? '')
  } catch (error) {
    // Decoders report failures as values; this only guards against a platform surprise.
    return failure('BAD_DEFLATE', `The link could not be decoded: ${String(error)}`)
  }
}

/** Length of the full link for `fragment` opened at `pageUrl` (its own fragment dropped). */
export function linkLength(pageUrl: string, fragment: string): number {
  return shareUrl(pageUrl, fragment).length
}

export function shareUrl(pageUrl: string, fragment: string): string {
  const hash = pageUrl.indexOf('#')
  return (hash === -1 ? pageUrl : pageUrl.slice(0, hash)) + fragment
}

export const isLinkTooLong = (length: number): boolean => length > LINK_WARN_LENGTH
