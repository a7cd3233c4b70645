/**
 * Keeps the previous object while a new one is equal to it, so components and effects keyed on
 * identity (editor markers, event decorations) skip work when a new result changed nothing there.
 */
import { useRef } from 'react'

export function useStable<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const last = useRef({ input: value, output: value })
  // Compare each new input once: re-renders that bring the same input cost nothing.
  if (last.current.input !== value) {
    const output = equal(last.current.output, value) ? last.current.output : value
    last.current = { input: value, output }
  }
  return last.current.output
}

/** Offset ranges (events in the text): equal when every start and end is. */
export function sameRanges(
  a: readonly (readonly [number, number])[],
  b: readonly (readonly [number, number])[],
): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (!x || !y || x[0] !== y[0] || x[1] !== y[1]) return false
  }
  return true
}

/** Small plain data (diagnostics, identifier lists): equal when their JSON is. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
