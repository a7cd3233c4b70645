/**
 * "Which rules fire on these events?": reading the picked or dropped rules, running them in the
 * rule-set worker over the page's events and options, and opening one of the rules that fired in
 * the rule editor. Every message also goes to the status line. The results stay after the dialog
 * closes, so the user can open one rule after another.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SharedState } from '../../share/index.ts'
import type {
  RuleHits,
  RuleSetProgress,
  RuleSetResult,
  RuleSource,
} from '../../worker/ruleset-protocol.ts'
import type { StatusTone } from '../state/useAppState.ts'
import { CollectError, collectRules, type PickedFile } from './collect.ts'
import { ruleSetDrop } from './drop.ts'
import { runRuleSetInWorker } from './run-in-worker.ts'
import { progressText, summaryText } from './texts.ts'
import type { RuleFileProblem } from './zip.ts'
import { count, plural } from '../format.ts'

export type RuleSetStage =
  | { kind: 'choose' }
  | { kind: 'reading'; message: string }
  | { kind: 'running'; files: RuleSource[]; progress?: RuleSetProgress; note?: string }
  | { kind: 'done'; files: RuleSource[]; result: RuleSetResult; events: string; opened?: number }
  | { kind: 'failed'; message: string }

export interface RuleSetsTargets {
  /** The page's state now (events, options, marks): what the rules run over. */
  latestState(): SharedState
  setStatus(message: string, tone?: StatusTone): void
  /** Opens a rule over the page as a link would: the user's work is set aside, not lost. */
  openState(next: SharedState, message: string): void
}

export interface RuleSets {
  open: boolean
  stage: RuleSetStage
  show(): void
  close(): void
  /** Reads and runs the picked files (folder or file pickers). */
  run(picked: PickedFile[]): void
  /** Runs the last rules again over the current events (after the events changed). */
  rerun(): void
  cancel(): void
  openRule(rule: RuleHits): void
  /** For the editors' drop zones: true when the drop was a rule set and is now handled. */
  takeDrop(transfer: DataTransfer): boolean
}

/** The status line and dialog follow progress at most this often. */
const PROGRESS_EVERY_MS = 250

export function useRuleSets(targets: RuleSetsTargets): RuleSets {
  const latest = useRef(targets)
  latest.current = targets
  const [open, setOpen] = useState(false)
  const [stage, setStage] = useState<RuleSetStage>({ kind: 'choose' })
  const running = useRef<{ cancel(): void }>(undefined)
  const say = useCallback((message: string, tone?: StatusTone) => {
    latest.current.setStatus(message, tone)
  }, [])

  const start = useCallback(
    (files: RuleSource[], problems: RuleFileProblem[]) => {
      running.current?.cancel()
      const state = latest.current.latestState()
      const events = state.events
      setStage({ kind: 'running', files })
      const problemsAsErrors = problems.map((p) => ({ file: -1, ...p }))
      let shownAt = 0
      running.current = runRuleSetInWorker({ files, events, options: state.options }, (update) => {
        if (update.type === 'progress') {
          const now = performance.now()
          if (now - shownAt < PROGRESS_EVERY_MS) return
          shownAt = now
          setStage((s) => (s.kind === 'running' ? { ...s, progress: update.progress } : s))
          say(progressText(update.progress), 'busy')
        } else if (update.type === 'restart') {
          setStage((s) => (s.kind === 'running' ? { ...s, note: update.message } : s))
          say(update.message, 'warning')
        } else if (update.type === 'done') {
          running.current = undefined
          const result = {
            ...update.result,
            errors: [...problemsAsErrors, ...update.result.errors],
          }
          setStage({ kind: 'done', files, result, events })
          say(summaryText(result), result.errors.length > 0 ? 'warning' : 'success')
        } else {
          running.current = undefined
          setStage({ kind: 'failed', message: update.message })
          say(update.message, 'error')
        }
      })
    },
    [say],
  )

  const run = useCallback(
    (picked: PickedFile[]) => {
      running.current?.cancel()
      running.current = undefined
      setOpen(true)
      const reading = `Reading ${plural(picked.length, 'file')}…`
      setStage({ kind: 'reading', message: reading })
      say(reading, 'busy')
      collectRules(picked).then(
        ({ files, problems, ignored }) => {
          if (files.length === 0) {
            const why = problems[0] ? ` (${problems[0].path} ${problems[0].message})` : ''
            const message = `No rules found: no readable .yml or .yaml file among ${count(ignored + problems.length)} files${why}.`
            setStage({ kind: 'failed', message })
            say(message, 'error')
            return
          }
          start(files, problems)
        },
        (error: unknown) => {
          const message =
            error instanceof CollectError
              ? `Refused: ${error.message}`
              : 'Could not read the rules.'
          setStage({ kind: 'failed', message })
          say(message, 'error')
        },
      )
    },
    [say, start],
  )

  const cancel = useCallback(() => {
    running.current?.cancel()
    running.current = undefined
    const message = 'Cancelled: the rule set was not run to the end.'
    setStage({ kind: 'failed', message })
    say(message, 'info')
  }, [say])

  const rerun = useCallback(() => {
    // The files' own read problems (entries that could not be read) are listed again.
    if (stage.kind === 'done')
      start(
        stage.files,
        stage.result.errors.filter((e) => e.file < 0),
      )
  }, [stage, start])

  const openRule = useCallback(
    (rule: RuleHits) => {
      if (stage.kind !== 'done') return
      const source = stage.files[rule.file]
      if (!source) return
      const now = latest.current.latestState()
      const selected = rule.firstHit >= 0 && now.events === stage.events ? rule.firstHit : 0
      setStage({ ...stage, opened: rule.file })
      setOpen(false)
      const hits = `fires on ${count(rule.hits)} of ${count(stage.result.events)} events`
      latest.current.openState(
        { ...now, rule: source.text, selected },
        `Opened ${source.path} (${hits}).`,
      )
    },
    [stage],
  )

  const takeDrop = useCallback(
    (transfer: DataTransfer) => {
      const dropped = ruleSetDrop(transfer)
      if (!dropped) return false
      setOpen(true)
      setStage({ kind: 'reading', message: 'Reading the dropped rules…' })
      dropped.then(run, () => say('Could not read the dropped folder.', 'error'))
      return true
    },
    [run, say],
  )

  // A folder or .zip dropped anywhere outside the editors (which take their own drops).
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files')
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return
      event.preventDefault()
      if (!takeDrop(event.dataTransfer))
        say('Drop a rule or events file onto its editor; a folder or .zip of rules anywhere.')
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [takeDrop, say])

  useEffect(() => () => running.current?.cancel(), [])

  return {
    open,
    stage,
    show: useCallback(() => setOpen(true), []),
    close: useCallback(() => setOpen(false), []),
    run,
    rerun,
    cancel,
    openRule,
    takeDrop,
  }
}
