import type { EngineOptions, Expectations } from '../engine/index.ts'

/** Everything a share link carries: the page's one state, minus preferences. */
export interface SharedState {
  rule: string
  events: string
  /** Index of the selected event. */
  selected: number
  options: EngineOptions
  /** What the user says events should do, by event index. Optional: older links lack it. */
  expect?: Expectations
}

/** A decoded link holds only what differed from the defaults it was made against. */
export type PartialSharedState = Partial<Omit<SharedState, 'options'>> & {
  options?: Partial<EngineOptions>
}

/** Closed set of reasons a fragment cannot be opened; the UI branches on these, never on wording. */
export type ShareErrorCode =
  /** The fragment is empty: there is no shared state, which is not an error to show. */
  | 'NO_STATE'
  /** Does not look like `#v<n>/...` at all. */
  | 'NOT_A_SHARE_LINK'
  /** `#v<n>/` with a version this build does not know (made by a newer release?). */
  | 'UNKNOWN_VERSION'
  /** Characters outside base64url, or an impossible length. */
  | 'BAD_BASE64'
  /** The compressed data is truncated or corrupt. */
  | 'BAD_DEFLATE'
  /** Decompresses beyond the cap, or the link itself is absurdly long: refused as a bomb. */
  | 'TOO_LARGE'
  /** The decompressed bytes are not valid UTF-8. */
  | 'BAD_UTF8'
  /** Valid text, but not JSON. */
  | 'BAD_JSON'
  /** Valid JSON of the wrong shape (not an object, or a field of the wrong type). */
  | 'BAD_SHAPE'

/** A decoded link is a whole state: what it left out is filled from its version's frozen defaults. */
export type DecodeResult =
  { ok: true; state: SharedState } | { ok: false; error: ShareErrorCode; message: string }

export const failure = (error: ShareErrorCode, message: string): DecodeResult => ({
  ok: false,
  error,
  message,
})
