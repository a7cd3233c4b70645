/**
 * An exercise: a starting rule and events, the verdict wanted for each event, hints, and a
 * solution that a test proves reaches the goal (and the start does not).
 */
import type { EngineOptions, Expectations } from '../engine/index.ts'
import { plural } from '../ui/format.ts'

export interface Exercise {
  id: string
  title: string
  /** The task, in one or two sentences. */
  goal: string
  rule: string
  events: Record<string, unknown>[]
  /** The verdict wanted for each event, in order. */
  want: boolean[]
  hints: string[]
  /** A rule that reaches the goal (shown nowhere; the tests hold it to `want`). */
  solution: string
  options?: EngineOptions
}

export interface GoalCheck {
  solved: boolean
  /** What is still wrong, one line per event, in order. */
  wrong: string[]
}

/** Compares the verdicts the page shows with the ones wanted. */
export function checkGoal(
  want: readonly boolean[],
  got: readonly (boolean | undefined)[],
): GoalCheck {
  if (got.length !== want.length)
    return {
      solved: false,
      wrong: [
        `The goal is about the exercise's ${plural(want.length, 'event')} and there ${got.length === 1 ? 'is' : 'are'} ${got.length}: undo your edits to the events.`,
      ],
    }
  const wrong = want.flatMap((w, i) =>
    got[i] === undefined
      ? [`Event #${i} has no verdict yet: the rule has errors.`]
      : got[i] === w
        ? []
        : [`Event #${i} should ${w ? '' : 'not '}match, and it does${got[i] ? '' : ' not'}.`],
  )
  return { solved: wrong.length === 0, wrong }
}

/** The goal as tuning marks ("should match" / "should not match"), which links carry. */
export function wantAsMarks(want: readonly boolean[]): Expectations {
  return Object.fromEntries(want.map((w, i) => [String(i), w ? 'match' : 'nomatch']))
}

/** A trainer's link: the marked events must get their marks; unmarked ones are free. */
export function checkMarks(marks: Expectations, got: readonly (boolean | undefined)[]): GoalCheck {
  const wrong = Object.entries(marks)
    .map(([key, mark]) => [Number(key), mark === 'match'] as const)
    .filter(([i]) => Number.isInteger(i) && i >= 0)
    .sort((a, b) => a[0] - b[0])
    .flatMap(([i, w]) =>
      i >= got.length
        ? [`Event #${i} is marked but missing: undo your edits to the events.`]
        : checkGoal([w], [got[i]]).wrong.map((line) => line.replace('Event #0', `Event #${i}`)),
    )
  return { solved: wrong.length === 0, wrong }
}
