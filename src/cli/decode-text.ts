/**
 * A rule file's bytes as text, read the way the page's FileReader reads a dropped file: a
 * UTF-16 byte-order mark (Windows editors save with one) picks UTF-16, so does a first
 * character followed or preceded by a zero byte; anything else is UTF-8, its mark dropped.
 */
export function decodeFileText(bytes: Uint8Array): string {
  const [first, second] = [bytes[0], bytes[1]]
  const asciiThenZero = first !== undefined && first > 0 && first < 0x80 && second === 0
  const zeroThenAscii = first === 0 && second !== undefined && second > 0 && second < 0x80
  if ((first === 0xff && second === 0xfe) || asciiThenZero)
    return new TextDecoder('utf-16le').decode(bytes)
  if ((first === 0xfe && second === 0xff) || zeroThenAscii) {
    // Swapped into little-endian: every Node build decodes that, not all decode big-endian.
    const swapped = new Uint8Array(bytes.length - (bytes.length % 2))
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1] ?? 0
      swapped[i + 1] = bytes[i] ?? 0
    }
    return new TextDecoder('utf-16le').decode(swapped)
  }
  return new TextDecoder('utf-8').decode(bytes)
}
