/**
 * Where `eval` reads its events: a file, or standard input read ahead a little. A run is small
 * (in-thread.ts) when its events are; a file says its size at once, but standard input only
 * by ending. So stdin is read ahead until it ends, passes the small size, or has kept the run
 * waiting READ_AHEAD_MS. A short input piped in (`cat`, `jq`) is then small, like a file, and
 * a slow producer (`tail -f |`) is streamed from where the read-ahead stopped, its first
 * events held back no longer than that.
 */
import { createReadStream, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { decodeFileText } from '../engine/index.ts'

/** How long a run waits for standard input to end before it streams it. */
export const READ_AHEAD_MS = 50

const READ_CHUNK = 1 << 20

export interface EventsInput {
  /** As messages name it: the path, or `<stdin>`. */
  readonly name: string
  /** Whether the events are at most `limit` bytes; only stdin makes the run wait (see above). */
  isSmall(limit: number): Promise<boolean>
  /** The events from their start; may be called again once a small run moves to the worker. */
  open(): Readable
}

export function eventsInput(path: string): EventsInput {
  return path === '-' ? new StdinInput() : new FileInput(path)
}

class FileInput implements EventsInput {
  constructor(readonly name: string) {}

  isSmall(limit: number): Promise<boolean> {
    try {
      const stat = statSync(this.name)
      return Promise.resolve(stat.isFile() && stat.size <= limit)
    } catch {
      // Unreadable: the streaming run says why.
      return Promise.resolve(false)
    }
  }

  open(): Readable {
    return createReadStream(this.name, { highWaterMark: READ_CHUNK })
  }
}

class StdinInput implements EventsInput {
  readonly name = '<stdin>'
  private readonly read: Buffer[] = []
  private size = 0
  private ended = false
  private failure: Error | undefined
  private readAhead?: Promise<void>

  isSmall(limit: number): Promise<boolean> {
    this.readAhead ??= this.readAheadUpTo(limit)
    return this.readAhead.then(() => this.ended && this.size <= limit)
  }

  private readAheadUpTo(limit: number): Promise<void> {
    const stdin = process.stdin
    return new Promise((resolve) => {
      const stop = () => {
        clearTimeout(timer)
        stdin.off('data', onData).off('end', onEnd).off('error', onError)
        // What stdin sends next waits in its buffer for open().
        stdin.pause()
        resolve()
      }
      const onData = (chunk: Buffer) => {
        this.read.push(chunk)
        this.size += chunk.length
        if (this.size > limit) stop()
      }
      const onEnd = () => {
        this.ended = true
        stop()
      }
      const onError = (error: Error) => {
        this.failure = error
        stop()
      }
      const timer = setTimeout(stop, READ_AHEAD_MS)
      stdin.on('data', onData).on('end', onEnd).on('error', onError)
    })
  }

  open(): Readable {
    return Readable.from(this.chunks(), { objectMode: false })
  }

  private async *chunks(): AsyncGenerator<Buffer> {
    await this.readAhead
    yield* this.read
    if (this.failure !== undefined) throw this.failure
    if (!this.ended) for await (const chunk of process.stdin) yield chunk as Buffer
  }
}

/** The whole text of the events (several documents need every event at once). */
export async function readWhole(input: EventsInput): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of input.open()) chunks.push(chunk as Buffer)
  return decodeFileText(Buffer.concat(chunks))
}
