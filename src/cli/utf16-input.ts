/**
 * Events saved by Windows tools are often UTF-16: PowerShell 5's `>` and `Out-File` write it,
 * with a byte-order mark (`wevtutil qe Security /f:xml > events.xml`). The reading thread turns
 * such input into UTF-8 as it comes, so that cutting, decoding and columns after it see UTF-8
 * only. The encoding is told as engine/decode-text.ts tells a file's: a mark, or a first ASCII
 * character beside a zero byte.
 */
import { swapPairs, type ByteOrder } from '../engine/index.ts'

export class Utf16ToUtf8 {
  // Little-endian only: big-endian is swapped (see swapPairs).
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
    this.odd = bytes.length % 2 === 1 ? bytes[bytes.length - 1] : undefined
    return swapPairs(bytes)
  }
}
