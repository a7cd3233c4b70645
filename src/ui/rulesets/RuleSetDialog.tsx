/**
 * The "Which rules fire on these events?" dialog: pick a folder, rule files or a .zip; watch the
 * run (with Cancel); then the rules that fired, the count without a hit and the rules with errors.
 */
import { useMemo, useRef } from 'react'
import { useModalDialog } from '../layout/useModalDialog.ts'
import { plural } from '../format.ts'
import type { RuleProblem } from '../../worker/ruleset-protocol.ts'
import { pickedFrom } from './collect.ts'
import { byHits, RuleSetList } from './RuleSetList.tsx'
import { progressFraction, progressText, summaryText, tally } from './texts.ts'
import type { RuleSets } from './useRuleSets.ts'
import './rulesets.css'

interface RuleSetDialogProps {
  sets: RuleSets
  /** The events text now: results for other events are marked as such. */
  events: string
}

function Errors({ errors }: { errors: RuleProblem[] }) {
  const files = new Set(errors.map((e) => e.path)).size
  return (
    <details className="sp-ruleset-errors" data-testid="ruleset-errors">
      <summary>
        {files} {files === 1 ? 'rule' : 'rules'} with errors (left out, the others ran)
      </summary>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.path}-${i}`}>
            <code>
              {e.path}
              {e.position ? `:${e.position}` : ''}
            </code>{' '}
            {e.message}
          </li>
        ))}
      </ul>
    </details>
  )
}

function Pickers({ sets, running }: { sets: RuleSets; running: boolean }) {
  const folder = useRef<HTMLInputElement>(null)
  const files = useRef<HTMLInputElement>(null)
  return (
    <>
      <input
        ref={(element) => {
          // React has no prop for it; a folder pick gives every file with its relative path.
          element?.setAttribute('webkitdirectory', '')
          folder.current = element
        }}
        type="file"
        hidden
        data-testid="ruleset-folder-input"
        onChange={(event) => {
          sets.run(pickedFrom(event.currentTarget.files ?? []))
          event.currentTarget.value = ''
        }}
      />
      <input
        ref={files}
        type="file"
        hidden
        multiple
        accept=".yml,.yaml,.zip"
        data-testid="ruleset-file-input"
        onChange={(event) => {
          sets.run(pickedFrom(event.currentTarget.files ?? []))
          event.currentTarget.value = ''
        }}
      />
      <button type="button" disabled={running} onClick={() => folder.current?.click()}>
        Choose a folder…
      </button>
      <button type="button" disabled={running} onClick={() => files.current?.click()}>
        Choose rule files or a .zip…
      </button>
    </>
  )
}

function Body({ sets, events }: RuleSetDialogProps) {
  const { stage } = sets
  const fired = useMemo(
    () => (stage.kind === 'done' ? stage.result.rules.filter((r) => r.hits > 0).sort(byHits) : []),
    [stage],
  )
  switch (stage.kind) {
    case 'choose':
      return (
        <p>
          Pick a folder of Sigma rules (SigmaHQ’s layout works), rule files or a .zip of them, or
          drop a folder or .zip anywhere on the page. Every rule runs over the events in the events
          editor, with the page’s options, in the background.
        </p>
      )
    case 'reading':
      return <p className="sp-ruleset-progress">{stage.message}</p>
    case 'failed':
      return (
        <p className="sp-ruleset-failed" data-testid="ruleset-message">
          {stage.message}
        </p>
      )
    case 'running':
      return (
        <div className="sp-ruleset-progress">
          <p data-testid="ruleset-progress">
            {stage.progress
              ? progressText(stage.progress)
              : `Starting ${plural(stage.files.length, 'rule')}…`}
          </p>
          <progress
            value={progressFraction(stage.progress)}
            max={1}
            aria-label="Rule-set progress"
          />
          {stage.note && <p className="sp-ruleset-note">{stage.note}</p>}
          <button type="button" data-testid="ruleset-cancel" onClick={sets.cancel}>
            Cancel
          </button>
        </div>
      )
    case 'done': {
      const { silent } = tally(stage.result)
      return (
        <>
          <p data-testid="ruleset-summary">{summaryText(stage.result)}</p>
          {stage.events !== events && (
            <p className="sp-ruleset-note">
              The events changed since this run.{' '}
              <button type="button" data-testid="ruleset-rerun" onClick={sets.rerun}>
                Run again
              </button>
            </p>
          )}
          {fired.length > 0 ? (
            <RuleSetList rules={fired} opened={stage.opened} onOpen={sets.openRule} />
          ) : (
            <p>No rule fires on these events.</p>
          )}
          <p className="sp-ruleset-silent">{plural(silent, 'rule')} without a hit.</p>
          {stage.result.errors.length > 0 && <Errors errors={stage.result.errors} />}
        </>
      )
    }
  }
}

export default function RuleSetDialog({ sets, events }: RuleSetDialogProps) {
  // Back to the results: on from the rule opened last (showModal put focus on Close).
  const dialog = useModalDialog(sets.open, (element) => {
    const rule =
      element.querySelector<HTMLElement>('.sp-ruleset-opened button') ??
      element.querySelector<HTMLElement>('.sp-ruleset-list button')
    rule?.focus()
  })

  return (
    <dialog
      ref={dialog}
      className="sp-modal sp-ruleset"
      aria-labelledby="sp-ruleset-title"
      data-testid="ruleset-dialog"
      onClose={sets.close}
    >
      <div className="sp-ruleset-head">
        <h2 id="sp-ruleset-title">Which rules fire on these events?</h2>
        <button type="button" className="sp-modal-close" aria-label="Close" onClick={sets.close}>
          ×
        </button>
      </div>
      <div className="sp-ruleset-body">
        <Body sets={sets} events={events} />
      </div>
      <div className="sp-ruleset-foot">
        <Pickers sets={sets} running={sets.stage.kind === 'running'} />
      </div>
    </dialog>
  )
}
