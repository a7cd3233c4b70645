/** Timing helpers: warm up once, repeat, report the median, print aligned tables. */
import { performance } from 'node:perf_hooks'

export interface Timing {
  /** Median wall-clock milliseconds of one pass. */
  ms: number
  /**
   * Median process CPU milliseconds of one pass (all threads, so GC helpers count): less
   * disturbed than wall time when other work shares the machine.
   */
  cpuMs: number
  /** What the pass returned (a match count), kept so the work cannot be optimised away. */
  result: number
}

/**
 * Median of up to `repeats` passes after one unmeasured warm-up (JIT, inline caches). Stops
 * early once `budgetMs` is spent, so a slow path costs one or two passes, not minutes.
 */
export function timePasses(pass: () => number, repeats: number, budgetMs = 5_000): Timing {
  return timeInTurn([{ pass }], repeats, budgetMs)[0] as Timing
}

/**
 * Passes timed in turn, one round after another, each after its warm-up: a change in the
 * machine's speed then falls on all of them alike and their ratios hold (timed one after the
 * other, a busy spell lands on one of them alone). After the first round, no new round starts
 * once `budgetMs` is spent.
 */
export function timeInTurn(
  passes: { pass: () => number; warmUp?: () => unknown }[],
  rounds: number,
  budgetMs = Infinity,
): Timing[] {
  for (const { pass, warmUp = pass } of passes) warmUp()
  const runs = passes.map(() => ({ ms: [] as number[], cpuMs: [] as number[], result: 0 }))
  let spent = 0
  for (let round = 0; round < rounds && (round === 0 || spent < budgetMs); round++)
    passes.forEach(({ pass }, i) => {
      const once = timeOnce(pass)
      const run = runs[i] as (typeof runs)[number]
      run.ms.push(once.ms)
      run.cpuMs.push(once.cpuMs)
      run.result = once.result
      spent += once.ms
    })
  return runs.map((run) => ({ ms: median(run.ms), cpuMs: median(run.cpuMs), result: run.result }))
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

export function timeOnce(pass: () => number): Timing {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const result = pass()
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { ms, cpuMs: (used.user + used.system) / 1000, result }
}

export const grouped = (n: number) => Math.round(n).toLocaleString('en-US')

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
