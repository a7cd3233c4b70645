/**
 * Events saved by Windows tools are often UTF-16: PowerShell 5's `>` and `Out-File` write it,
 * with a byte-order mark (`wevtutil qe Security /f:xml > events.xml`). The reading thread turns
 * such input into UTF-8 as it comes, so that cutting, decoding and columns after it see UTF-8
 * only. The encoding is told as decode-text.ts tells a rule file's: a mark, or a first ASCII
 * character beside a zero byte.
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

export class Utf16ToUtf8 {
  // Little-endian only: every Node build decodes it, not all decode big-endian (swapped here).
  private readonly decoder = new TextDecoder('utf-16le')
  /** Big-endian: a byte of a code unit whose other byte is in the next chunk. */
  private odd: number | undefined

  constructor(private readonly order: ByteOrder) {}

  /** The chunk's characters as UTF-8; a character cut at the chunk's end waits for the rest. */
  push(chunk: Uint8Array): Buffer {
    const bytes = this.order === 'le' ? chunk : this.swapped(chunk)
    return Buffer.from(this.decoder.decode(bytes, { stream: true }), 'utf8')
  }

  /** What was left of a cut character (a replacement character, as a whole-file read gives). */
  end(): Buffer {
    const left = this.odd === undefined ? undefined : Uint8Array.of(this.odd)
    return Buffer.from(this.decoder.decode(left), 'utf8')
  }

  private swapped(chunk: Uint8Array): Uint8Array {
    const bytes = this.odd === undefined ? chunk : Buffer.concat([Uint8Array.of(this.odd), chunk])
    const even = bytes.length - (bytes.length % 2)
    this.odd = even < bytes.length ? bytes[even] : undefined
    const out = new Uint8Array(even)
    for (let i = 0; i < even; i += 2) {
      out[i] = bytes[i + 1] as number
      out[i + 1] = bytes[i] as number
    }
    return out
  }
}
