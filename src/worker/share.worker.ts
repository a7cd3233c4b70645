/// <reference lib="webworker" />
/**
 * Encodes the shared state into a link fragment off the page's main thread. After each pause in
 * typing the page mirrors its state into the address bar: serialising and compressing a few
 * hundred kilobytes of events there would hold up the next keystroke.
 */
import { encodeState } from '../share/encode.ts'
import type { SharedState } from '../share/types.ts'

declare const self: DedicatedWorkerGlobalScope

export interface EncodeRequest {
  id: number
  state: SharedState
}

export interface EncodeReply {
  id: number
  fragment?: string
  error?: string
}

self.onmessage = (message: MessageEvent<EncodeRequest>) => {
  const { id, state } = message.data
  encodeState(state).then(
    (fragment) => self.postMessage({ id, fragment } satisfies EncodeReply),
    (error: unknown) => self.postMessage({ id, error: String(error) } satisfies EncodeReply),
  )
}
