/**
 * Every exercise starts unsolved and its solution solves it, by the real engine's verdicts;
 * checkGoal says what is still wrong in words a learner can act on.
 */
import { describe, expect, test } from 'vitest'
import { compileRule, parseEvents } from '../../src/engine/index.ts'
import { verdict } from '../helpers/judge.ts'
import { EXERCISES } from '../../src/gallery/exercises.ts'
import { checkGoal, checkMarks, wantAsMarks } from '../../src/gallery/exercise.ts'

function verdictsOf(rule: string, events: unknown[]): (boolean | undefined)[] {
  const compiled = compileRule(rule).rule
  const parsed = parseEvents(JSON.stringify(events)).events
  return parsed.map((e) => (compiled ? verdict(compiled, e.value).match : undefined))
}

describe.each(EXERCISES.map((e) => [e.id, e] as const))('exercise %s', (_, exercise) => {
  test('starts unsolved, and its solution solves it without errors', () => {
    expect(checkGoal(exercise.want, verdictsOf(exercise.rule, exercise.events)).solved).toBe(false)
    const solution = compileRule(exercise.solution)
    expect(solution.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(checkGoal(exercise.want, verdictsOf(exercise.solution, exercise.events))).toEqual({
      solved: true,
      wrong: [],
    })
  })

  test('has a goal, at least one hint, and wants both a match and a miss', () => {
    expect(exercise.goal.length).toBeGreaterThan(20)
    expect(exercise.hints.length).toBeGreaterThan(0)
    expect(exercise.want).toContain(true)
    expect(exercise.want).toContain(false)
  })
})

test('at least twelve exercises, with unique link-safe ids', () => {
  expect(EXERCISES.length).toBeGreaterThanOrEqual(12)
  const ids = EXERCISES.map((e) => e.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/)
})

test('checkGoal names each wrong event, and a changed event count', () => {
  expect(checkGoal([true, false], [true, true]).wrong).toEqual([
    'Event #1 should not match, and it does.',
  ])
  expect(checkGoal([true, false], [false, false]).wrong).toEqual([
    'Event #0 should match, and it does not.',
  ])
  expect(checkGoal([true], [undefined]).wrong[0]).toMatch(/rule has errors/)
  expect(checkGoal([true], [true, false]).wrong[0]).toMatch(/1 event and there are 2/)
})

test('a trainer link: only marked events count, each named when wrong', () => {
  const marks = { '0': 'match', '2': 'nomatch' } as const
  expect(checkMarks(marks, [true, false, false])).toEqual({ solved: true, wrong: [] })
  expect(checkMarks(marks, [false, true, true]).wrong).toEqual([
    'Event #0 should match, and it does not.',
    'Event #2 should not match, and it does.',
  ])
  expect(checkMarks({ '5': 'match' }, [true]).wrong[0]).toMatch(/#5 is marked but missing/)
  expect(wantAsMarks([true, false])).toEqual({ '0': 'match', '1': 'nomatch' })
})
