/**
 * The exercise in progress: its goal, a live check against the verdicts the page shows, hints
 * on request. `#exercise/<id>` in the address starts one (a link of its own).
 */
import { useEffect, useMemo, useState } from 'react'
import { checkGoal } from '../../gallery/exercise.ts'
import { findExercise } from '../../gallery/exercises.ts'
import {
  activeExerciseId,
  EXERCISE_EVENT,
  EXERCISE_ROUTE,
  markSolved,
  setActiveExercise,
  startExercise,
} from './exercise-store.ts'
import './exercise.css'

interface ExerciseBarProps {
  /** The verdict shown for each event; undefined where the rule could not run. */
  verdicts: readonly (boolean | undefined)[]
  /** False while the shown verdicts belong to an older text. */
  current: boolean
  setStatus(message: string, tone?: 'info' | 'success' | 'error'): void
}

function useActiveExercise() {
  const [id, setId] = useState(activeExerciseId)
  useEffect(() => {
    const sync = () => setId(activeExerciseId())
    const fromAddress = () => {
      const match = EXERCISE_ROUTE.exec(window.location.hash)
      const exercise = match && findExercise(match[1] ?? '')
      if (exercise) void startExercise(exercise)
    }
    window.addEventListener(EXERCISE_EVENT, sync)
    window.addEventListener('hashchange', fromAddress)
    fromAddress()
    return () => {
      window.removeEventListener(EXERCISE_EVENT, sync)
      window.removeEventListener('hashchange', fromAddress)
    }
  }, [])
  return id ? findExercise(id) : undefined
}

export function ExerciseBar({ verdicts, current, setStatus }: ExerciseBarProps) {
  const exercise = useActiveExercise()
  const [hints, setHints] = useState(0)
  const check = useMemo(() => exercise && checkGoal(exercise.want, verdicts), [exercise, verdicts])
  const solved = Boolean(current && check?.solved)

  useEffect(() => setHints(0), [exercise])
  useEffect(() => {
    if (!exercise || !solved) return
    markSolved(exercise.id)
    setStatus(`Exercise solved: ${exercise.title}.`, 'success')
  }, [exercise, solved, setStatus])

  if (!exercise || !check) return null
  return (
    <section
      className={`sp-exercise ${solved ? 'is-solved' : ''}`}
      data-testid="exercise"
      data-exercise={exercise.id}
      data-solved={String(solved)}
      aria-label="Exercise"
    >
      <div className="sp-exercise-goal">
        <strong>Exercise {exercise.title}</strong> {exercise.goal}
      </div>
      <div className="sp-exercise-check" role="status" data-testid="exercise-check">
        {solved
          ? '✓ Solved: every event gets the verdict the goal wants.'
          : `✗ ${check.wrong.join(' ')}`}
      </div>
      {exercise.hints.slice(0, hints).map((hint, i) => (
        <div key={i} className="sp-exercise-hint" data-testid="exercise-hint">
          Hint {i + 1}: {hint}
        </div>
      ))}
      <div className="sp-exercise-actions">
        {hints < exercise.hints.length && (
          <button
            type="button"
            onClick={() => setHints(hints + 1)}
            data-testid="exercise-hint-button"
          >
            {hints === 0 ? 'Hint' : 'Another hint'}
          </button>
        )}
        <button type="button" onClick={() => setActiveExercise(null)}>
          Leave the exercise
        </button>
      </div>
    </section>
  )
}
