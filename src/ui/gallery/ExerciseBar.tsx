/**
 * The exercise in progress: its goal, a live check against the verdicts the page shows, hints
 * on request. `#exercise/<id>` in the address starts one (a link of its own).
 */
import { useEffect, useMemo, useState } from 'react'
import type { Expectations } from '../../engine/index.ts'
import { checkGoal, checkMarks } from '../../gallery/exercise.ts'
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
  /** The "should match / should not match" marks of the state (a trainer's link carries them). */
  marks?: Expectations
  setStatus(message: string, tone?: 'info' | 'success' | 'error'): void
  /** The page opened on the user's own work (a reload), not on someone's link. */
  ownWork: boolean
}

const isShareLink = () => /^#v\d+\//.test(window.location.hash)

/**
 * A link with marks, opened in this tab: the marks are the goal until the learner leaves. The
 * address of a reloaded page mirrors the user's own work, marks and all: no exercise then.
 */
function useLinkExercise(ownWork: boolean): [boolean, () => void] {
  const [on, setOn] = useState(() => isShareLink() && !ownWork)
  useEffect(() => {
    const onHash = () => {
      if (isShareLink()) setOn(true)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return [on, () => setOn(false)]
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

export function ExerciseBar({ verdicts, current, marks, setStatus, ownWork }: ExerciseBarProps) {
  const builtIn = useActiveExercise()
  const [fromLink, leaveLink] = useLinkExercise(ownWork)
  const marked = marks && Object.keys(marks).length > 0 ? marks : undefined
  const exercise = builtIn ?? (fromLink && marked ? linkExercise(marked) : undefined)
  const [hints, setHints] = useState(0)
  const check = useMemo(() => {
    if (builtIn) return checkGoal(builtIn.want, verdicts)
    return fromLink && marked ? checkMarks(marked, verdicts) : undefined
  }, [builtIn, fromLink, marked, verdicts])
  const solved = Boolean(current && check?.solved)

  const id = exercise?.id
  const title = exercise?.title
  useEffect(() => setHints(0), [id])
  useEffect(() => {
    if (!id || !solved) return
    if (builtIn) markSolved(id)
    setStatus(`Exercise solved: ${title}.`, 'success')
  }, [id, title, builtIn, solved, setStatus])

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
        <button
          type="button"
          onClick={() => {
            setActiveExercise(null)
            leaveLink()
          }}
        >
          Leave the exercise
        </button>
      </div>
    </section>
  )
}

/** The goal a trainer's marks set, in the shape of a built-in exercise. */
function linkExercise(marks: Expectations) {
  const list = (mark: string) =>
    Object.keys(marks)
      .filter((k) => marks[k] === mark)
      .map((k) => `#${k}`)
      .join(', ')
  const should = list('match')
  const shouldNot = list('nomatch')
  return {
    id: 'link',
    title: 'from the link',
    goal: `Edit the rule until ${[should && `${should} match`, shouldNot && `${shouldNot} do not`].filter(Boolean).join(' and ')}.`,
    hints: [] as string[],
  }
}
