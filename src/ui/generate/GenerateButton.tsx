/**
 * "Generate": replaces the events with ones made from the current rule — a match, then each
 * edge — and hands their labels to the results rows. The editor keeps undo, so the user's
 * events are one Ctrl+Z away.
 */
import { useState } from 'react'
import type { EngineOptions } from '../../engine/index.ts'
import type { StatusTone } from '../state/useAppState.ts'
import { generateInWorker } from './generate-in-worker.ts'
import './generate.css'
import { count, plural } from '../format.ts'

export interface GeneratedNotes {
  /** The events text the labels belong to; any edit of it drops them. */
  text: string
  labels: string[]
}

interface GenerateButtonProps {
  rule: string
  options: EngineOptions
  setEvents(text: string): void
  setNotes(notes: GeneratedNotes): void
  setStatus(message: string, tone?: StatusTone): void
}

export function GenerateButton({
  rule,
  options,
  setEvents,
  setNotes,
  setStatus,
}: GenerateButtonProps) {
  const [busy, setBusy] = useState(false)
  const generate = async () => {
    setBusy(true)
    const result = await generateInWorker(rule, options)
    setBusy(false)
    if (result.events.length === 0) {
      setStatus(
        `No events generated: ${result.problem ?? 'the generator found nothing to show.'}`,
        'error',
      )
      return
    }
    const text =
      JSON.stringify(
        result.events.map((e) => e.event),
        null,
        2,
      ) + '\n'
    setNotes({ text, labels: result.events.map((e) => e.label) })
    setEvents(text)
    const misses = result.events.filter((e) => !e.expect).length
    setStatus(
      `Generated ${plural(result.events.length, 'event')} from the rule: ${count(result.events.length - misses)} match, ${count(misses)} do not; each row says what it shows. Ctrl+Z in the events brings yours back.`,
      'success',
    )
  }
  return (
    <button
      type="button"
      className="pane-action"
      data-testid="generate-events"
      disabled={busy}
      onClick={() => void generate()}
      title="Replace the events with ones made from the rule: one that matches, then one step past each edge (each checked by the engine)"
    >
      {busy ? 'Generating…' : 'Generate from rule'}
    </button>
  )
}
