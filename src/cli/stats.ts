/**
 * `eval --stats`: how long compiling took (from the start of the process, so start-up is in
 * it) and evaluating (reading, parsing and writing included), each in wall-clock time.
 */
import { plural } from './words.ts'

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`

/** `compiled` and `done` are performance.now() readings. */
export function statsLine(
  ran: { rules: number; events: number },
  compiled: number,
  done: number,
): string {
  const perSecond = Math.round(ran.events / Math.max((done - compiled) / 1000, 1e-3))
  return (
    `sigma-play: stats: ${plural(ran.rules, 'rule')} compiled in ${seconds(compiled)}; ` +
    `${plural(ran.events, 'event')} evaluated in ${seconds(done - compiled)} (${perSecond} events/s)\n`
  )
}
