// Builds raw fragments from arbitrary text or bytes, to feed the decoder payloads the encoder
// would never produce.
import { bytesToBase64url } from '../../src/share/base64url.ts'
import { deflateRaw } from '../../src/share/deflate.ts'
import type { SharedState } from '../../src/share/index.ts'

export const fragmentOfBytes = async (bytes: Uint8Array): Promise<string> =>
  `#v1/${bytesToBase64url(await deflateRaw(bytes))}`

export const fragmentOfText = (text: string): Promise<string> =>
  fragmentOfBytes(new TextEncoder().encode(text))

export const defaults: SharedState = {
  rule: 'title: Default\ndetection:\n  selection:\n    Image|endswith: \\rundll32.exe\n  condition: selection\n',
  events: '[{"Image":"C:\\\\Windows\\\\System32\\\\rundll32.exe"}]',
  selected: 0,
  options: { flattenEvtx: true },
}
