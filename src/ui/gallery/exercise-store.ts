/**
 * Which exercise this tab is doing (sessionStorage: per tab, gone with it) and which ones the
 * learner has solved (localStorage: remembered). Starting one is announced with a DOM event so
 * the gallery and the exercise bar need no shared parent state.
 */
import { wantAsMarks, type Exercise } from '../../gallery/exercise.ts'
import { encodeState } from '../../share/index.ts'
import { lessonState } from './lesson.ts'

const ACTIVE_KEY = 'sigma-playground:exercise'
const SOLVED_KEY = 'sigma-playground:exercises-solved'
export const EXERCISE_EVENT = 'sigma-playground:exercise'
export const EXERCISE_ROUTE = /^#exercise\/([a-z0-9-]+)$/

const safely = <T>(read: () => T, fallback: T): T => {
  try {
    return read()
  } catch {
    return fallback
  }
}

export const activeExerciseId = (): string | null =>
  safely(() => sessionStorage.getItem(ACTIVE_KEY), null)

export function setActiveExercise(id: string | null): void {
  safely(
    () => (id ? sessionStorage.setItem(ACTIVE_KEY, id) : sessionStorage.removeItem(ACTIVE_KEY)),
    undefined,
  )
  window.dispatchEvent(new Event(EXERCISE_EVENT))
}

export const solvedExercises = (): string[] =>
  safely(() => {
    const list: unknown = JSON.parse(localStorage.getItem(SOLVED_KEY) ?? '[]')
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []
  }, [])

export function markSolved(id: string): void {
  const solved = solvedExercises()
  if (solved.includes(id)) return
  safely(() => localStorage.setItem(SOLVED_KEY, JSON.stringify([...solved, id])), undefined)
}

export function exerciseRule(exercise: Exercise): string {
  return `# Exercise ${exercise.title}\n# ${exercise.goal}\n${exercise.rule}`
}

/** Opens the exercise through a share link, so the user's work is set aside as for any link. */
export async function startExercise(exercise: Exercise): Promise<void> {
  setActiveExercise(exercise.id)
  window.location.hash = await encodeState(
    lessonState(exerciseRule(exercise), exercise, wantAsMarks(exercise.want)),
  )
}
