/**
 * Writing to stdout at the reader's pace: when the pipe is full (`| head`, `| cat` on a slow
 * terminal) the producer waits for 'drain' instead of queueing without bound (ENOBUFS).
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'

export class PacedOutput {
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
