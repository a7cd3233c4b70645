/** Timing helpers: warm up once, repeat, report the median, print aligned tables. */
import { performance } from 'node:perf_hooks'

export interface Timing {
  /** Median milliseconds of one pass. */
  ms: number
  /** What the pass returned (a match count), kept so the work cannot be optimised away. */
  result: number
}

export function timePasses(pass: () => number, repeats: number): Timing {
  pass() // warm-up: JIT and inline caches, not measured
  const times: number[] = []
  let result = 0
  for (let i = 0; i < repeats; i++) {
    const start = performance.now()
    result = pass()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)] ?? 0, result }
}

export function timeOnce(pass: () => number): Timing {
  const start = performance.now()
  const result = pass()
  return { ms: performance.now() - start, result }
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US')

export const perSecond = (count: number, ms: number) => `${grouped((count / ms) * 1000)}/s`
export const millis = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
export const ratio = (r: number) => `${r.toFixed(2)}×`

export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((r) => (r[i] ?? '').length)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}
