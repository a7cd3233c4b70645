/**
 * A rule or events file's bytes as text, told the same way by the page (dropped files, zips,
 * links) and the CLI (files, stdin): a UTF-16 byte-order mark (Windows editors and PowerShell 5
 * save with one) picks UTF-16, so does a first character followed or preceded by a zero byte;
 * anything else is UTF-8, its mark dropped.
 */

export type ByteOrder = 'le' | 'be'

/** UTF-16's byte order when the first two bytes say it is UTF-16; undefined for UTF-8. */
export function utf16Order(head: Uint8Array): ByteOrder | undefined {
  const [first, second] = [head[0], head[1]]
  if (first === undefined || second === undefined) return undefined
  if ((first === 0xff && second === 0xfe) || (first > 0 && first < 0x80 && second === 0))
    return 'le'
  if ((first === 0xfe && second === 0xff) || (first === 0 && second > 0 && second < 0x80))
    return 'be'
  return undefined
}

/**
 * Big-endian UTF-16 as little-endian, pair by pair (an odd last byte is left out): every Node
 * build decodes little-endian, not all decode big-endian.
 */
export function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2))
  for (let i = 0; i < out.length; i += 2) {
    out[i] = bytes[i + 1] as number
    out[i + 1] = bytes[i] as number
  }
  return out
}

export function decodeFileText(bytes: Uint8Array): string {
  const order = utf16Order(bytes)
  if (order === undefined) return new TextDecoder('utf-8').decode(bytes)
  return new TextDecoder('utf-16le').decode(order === 'le' ? bytes : swapPairs(bytes))
}
