/**
 * `encodeState` in a worker of its own (worker/share.worker.ts), started on first use. Where a
 * worker cannot start, or fails, the state is encoded here instead: a link is never lost.
 */
import { encodeState, type SharedState } from '../../share/index.ts'
import type { EncodeReply, EncodeRequest } from '../../worker/share.worker.ts'

let worker: Worker | undefined
let broken = typeof Worker === 'undefined'
let nextId = 0
const waiting = new Map<number, { state: SharedState; resolve: (fragment: string) => void }>()

function fallBack(): void {
  broken = true
  worker?.terminate()
  worker = undefined
  for (const { state, resolve } of waiting.values()) void encodeState(state).then(resolve)
  waiting.clear()
}

function start(): Worker {
  const started = new Worker(new URL('../../worker/share.worker.ts', import.meta.url), {
    type: 'module',
  })
  started.onmessage = ({ data }: MessageEvent<EncodeReply>) => {
    const entry = waiting.get(data.id)
    if (!entry) return
    waiting.delete(data.id)
    if (data.fragment !== undefined) entry.resolve(data.fragment)
    else void encodeState(entry.state).then(entry.resolve)
  }
  started.onerror = fallBack
  return started
}

export function encodeOffThread(state: SharedState): Promise<string> {
  if (broken) return encodeState(state)
  return new Promise((resolve) => {
    const id = nextId++
    waiting.set(id, { state, resolve })
    try {
      worker ??= start()
      worker.postMessage({ id, state } satisfies EncodeRequest)
    } catch {
      fallBack()
    }
  })
}
