/**
 * The gallery: worked examples grouped by topic. Opening one goes through a share link of its
 * own, so the user's work is set aside and offered back exactly as when any link opens.
 */
import { useState } from 'react'
import { useModalDialog } from '../layout/useModalDialog.ts'
import { EXAMPLES } from '../../gallery/examples.ts'
import type { Example, Topic } from '../../gallery/example.ts'
import { encodeState } from '../../share/index.ts'
import { exampleState } from './lesson.ts'
import { EXERCISES } from '../../gallery/exercises.ts'
import { solvedExercises, startExercise } from './exercise-store.ts'
import './gallery.css'

interface GalleryDialogProps {
  open: boolean
  onClose(): void
  setStatus(message: string, kind?: 'info' | 'success' | 'error'): void
}

const topics = [...new Set(EXAMPLES.map((e) => e.topic))] as Topic[]

export const exampleLink = async (example: Example): Promise<string> =>
  `${window.location.origin}${window.location.pathname}${await encodeState(exampleState(example))}`

export default function GalleryDialog({ open, onClose, setStatus }: GalleryDialogProps) {
  const dialog = useModalDialog(open)
  const [copied, setCopied] = useState<string>()

  const solved = open ? solvedExercises() : []

  const openExercise = async (id: string) => {
    const exercise = EXERCISES.find((e) => e.id === id)
    if (!exercise) return
    onClose()
    await startExercise(exercise)
    setStatus(`Exercise ${exercise.title}: ${exercise.goal}`, 'info')
  }

  const openExample = async (example: Example) => {
    const fragment = await encodeState(exampleState(example))
    onClose()
    window.location.hash = fragment
    setStatus(`Opened the example "${example.title}".`, 'success')
  }

  const copyLink = async (example: Example) => {
    try {
      await navigator.clipboard.writeText(await exampleLink(example))
      setCopied(example.id)
      setStatus(`Copied a link to the example "${example.title}".`, 'success')
    } catch {
      setStatus('The browser refused to copy the link.', 'error')
    }
  }

  return (
    <dialog
      ref={dialog}
      className="sp-modal sp-gallery"
      aria-labelledby="sp-gallery-title"
      data-testid="gallery"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) onClose()
      }}
    >
      <div className="sp-gallery-head">
        <h2 id="sp-gallery-title">Gallery: Sigma by example</h2>
        <p>
          Exercises check your rule live as you edit; examples show one point each, explained at the
          top of the rule. Either opens over your work, which is set aside and comes back from the
          banner.
        </p>
        <button
          type="button"
          className="sp-modal-close"
          onClick={onClose}
          aria-label="Close the gallery"
        >
          ×
        </button>
      </div>
      <div className="sp-gallery-body">
        <section aria-label="Exercises">
          <h3>Exercises, in order</h3>
          <ul>
            {EXERCISES.map((exercise) => (
              <li key={exercise.id} className="sp-gallery-row">
                <button
                  type="button"
                  className="sp-gallery-item"
                  data-testid="exercise-item"
                  data-exercise={exercise.id}
                  data-solved={String(solved.includes(exercise.id))}
                  onClick={() => void openExercise(exercise.id)}
                >
                  <span className="sp-gallery-title">
                    {solved.includes(exercise.id) ? '✓ ' : ''}
                    {exercise.title}
                  </span>
                  <span className="sp-gallery-explain">{exercise.goal}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        {topics.map((topic) => (
          <section key={topic} aria-label={topic}>
            <h3>{topic}</h3>
            <ul>
              {EXAMPLES.filter((e) => e.topic === topic).map((example) => (
                <li key={example.id} className="sp-gallery-row">
                  <button
                    type="button"
                    className="sp-gallery-item"
                    data-testid="gallery-item"
                    data-example={example.id}
                    onClick={() => void openExample(example)}
                  >
                    <span className="sp-gallery-title">{example.title}</span>
                    <span className="sp-gallery-explain">{example.explain}</span>
                  </button>
                  <button
                    type="button"
                    className="sp-gallery-link"
                    onClick={() => void copyLink(example)}
                    aria-label={`Copy a link to the example ${example.title}`}
                  >
                    {copied === example.id ? 'Copied' : 'Link'}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </dialog>
  )
}
