// deflate-raw through the platform's CompressionStream/DecompressionStream (Chromium, Node 20,
// workers). Looked up on globalThis with local types, so the pure build needs no DOM lib and
// the DOM build sees no conflicting global declarations.

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>
  cancel(reason?: unknown): Promise<void>
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>
  close(): Promise<void>
  abort(reason?: unknown): Promise<void>
}
interface ByteTransform {
  readonly readable: { getReader(): StreamReader }
  readonly writable: { getWriter(): StreamWriter }
}
type ByteTransformClass = new (format: 'deflate-raw') => ByteTransform

const streams = globalThis as unknown as {
  CompressionStream?: ByteTransformClass
  DecompressionStream?: ByteTransformClass
}

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false
      reason: 'corrupt' | 'too-large' | 'unsupported'
      bytesSeen: number
      detail: string
    }

/** Feeds `input` into the transform and drains it, stopping as soon as `limit` is exceeded. */
async function pump(
  transform: ByteTransform,
  input: Uint8Array,
  limit: number,
): Promise<InflateResult> {
  const writer = transform.writable.getWriter()
  const reader = transform.readable.getReader()
  // Written without awaiting: the readable must be drained concurrently or large inputs stall.
  // Failures surface on the read side too; these catches only keep them from going unhandled.
  writer.write(input).catch(() => {})
  writer.close().catch(() => {})
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!value) continue
      total += value.length
      if (total > limit) {
        // Stop inflating now: a bomb must not get to expand further than the cap.
        reader.cancel().catch(() => {})
        writer.abort().catch(() => {})
        return { ok: false, reason: 'too-large', bytesSeen: total, detail: `over ${limit} bytes` }
      }
      chunks.push(value)
    }
  } catch (error) {
    return { ok: false, reason: 'corrupt', bytesSeen: total, detail: describe(error) }
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return { ok: true, bytes: out }
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

export async function deflateRaw(input: Uint8Array): Promise<Uint8Array> {
  const Compression = streams.CompressionStream
  if (!Compression) throw new Error('CompressionStream is not available in this environment')
  const result = await pump(new Compression('deflate-raw'), input, Number.POSITIVE_INFINITY)
  if (!result.ok) throw new Error(`compression failed: ${result.detail}`)
  return result.bytes
}

/** Inflates at most `limit` bytes; never throws. */
export async function inflateRawCapped(input: Uint8Array, limit: number): Promise<InflateResult> {
  const Decompression = streams.DecompressionStream
  if (!Decompression) {
    return { ok: false, reason: 'unsupported', bytesSeen: 0, detail: 'no DecompressionStream' }
  }
  try {
    return await pump(new Decompression('deflate-raw'), input, limit)
  } catch (error) {
    return { ok: false, reason: 'corrupt', bytesSeen: 0, detail: describe(error) }
  }
}
