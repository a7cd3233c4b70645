/**
 * Writing to stdout at the reader's pace: when the pipe is full (`| head`, `| cat` on a slow
 * terminal) the producer waits for 'drain' instead of queueing without bound (ENOBUFS).
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'

/** Where a command's output lines go: stdout at the reader's pace, or held back (in-thread.ts). */
export interface Output {
  write(text: string): void
  /** Resolves once more may be written. */
  ready(): Promise<void>
}

export class PacedOutput implements Output {
  private draining: Promise<unknown> | undefined

  constructor(private readonly stream: Writable) {}

  write(text: string): void {
    if (text === '') return
    if (!this.stream.write(text) && !this.draining) {
      this.draining = once(this.stream, 'drain').finally(() => (this.draining = undefined))
    }
  }

  /** Resolves once the stream can take more. */
  async ready(): Promise<void> {
    while (this.draining) await this.draining
  }
}
