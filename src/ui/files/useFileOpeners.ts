// Loading rule and events files into the state, shared by the buttons and the drop zones.
// Events are only read here (FileReader, off the main thread) and handed over as text:
// parsing happens in the evaluation worker.
import { useCallback, useRef, useState } from 'react'
import type { StatusTone } from '../state/useAppState.ts'
import type { FileKind } from './read.ts'
import {
  formatBytes,
  kindOfFile,
  MAX_EVENTS_BYTES,
  MAX_RULE_BYTES,
  normalizeEventsText,
  readFileText,
} from './read.ts'

export interface FileTargets {
  setRule(text: string): void
  setEvents(text: string): void
  setSelected?(index: number): void
  setStatus(message: string, tone?: StatusTone): void
}

export interface FileChoice {
  kind: FileKind
  files: File[]
}

/** The names of the files the user opened, kept per tab (across reloads) to save under. */
export type OpenedNames = Partial<Record<FileKind, string>>

const NAMES_KEY = 'sigma-playground:file-names'

function readNames(): OpenedNames {
  try {
    return JSON.parse(sessionStorage.getItem(NAMES_KEY) ?? '{}') as OpenedNames
  } catch {
    return {} // storage denied (a sandboxed frame) or garbled: names are a convenience
  }
}

export interface FileOpeners {
  /** The opened files' names, for downloads (undefined: never opened from a file). */
  names: OpenedNames
  /** Opens dropped or picked files; `fallback` says what an unknown extension is taken for. */
  openFiles(files: readonly File[], fallback: FileKind): void
  /** Several files of one kind were given: the user picks one (undefined: cancel). */
  choice: FileChoice | undefined
  choose(file: File | undefined): void
  /** Loads rule text fetched elsewhere ("Open from URL"). */
  openRuleText(text: string, source: string): void
  /** Drops the names: another rule and events (a link, an example) took the files' place. */
  forgetNames(): void
  setStatus(message: string, tone?: StatusTone): void
}

export function useFileOpeners(targets: FileTargets): FileOpeners {
  const latest = useRef(targets)
  latest.current = targets
  const [choice, setChoice] = useState<FileChoice>()
  const [names, setNames] = useState<OpenedNames>(readNames)
  const keep = useCallback((update: (current: OpenedNames) => OpenedNames) => {
    setNames((current) => {
      const next = update(current)
      try {
        sessionStorage.setItem(NAMES_KEY, JSON.stringify(next))
      } catch {
        // Kept for this page's life only.
      }
      return next
    })
  }, [])
  const remember = useCallback(
    (kind: FileKind, name: string) => keep((current) => ({ ...current, [kind]: name })),
    [keep],
  )
  const forgetNames = useCallback(() => keep(() => ({})), [keep])

  const load = useCallback(
    async (file: File, kind: FileKind) => {
      const { setRule, setEvents, setSelected, setStatus } = latest.current
      const limit = kind === 'rule' ? MAX_RULE_BYTES : MAX_EVENTS_BYTES
      if (file.size > limit) {
        setStatus(
          `${file.name} is ${formatBytes(file.size)}; ${kind} files up to ${formatBytes(limit)} can be opened.`,
          'error',
        )
        return
      }
      const label = `${file.name} (${formatBytes(file.size)})`
      let shown = -1
      const progress = (fraction: number) => {
        const percent = Math.floor(fraction * 10) * 10
        if (percent === shown) return
        shown = percent
        setStatus(`Reading ${label}… ${percent}%`, 'busy')
      }
      let text: string
      try {
        text = await readFileText(file, kind === 'events' ? progress : undefined)
      } catch {
        setStatus(`Could not read ${file.name}.`, 'error')
        return
      }
      remember(kind, file.name)
      if (kind === 'rule') {
        setRule(text)
        setStatus(`Opened rule ${label}.`, 'success')
      } else {
        setEvents(normalizeEventsText(text))
        setSelected?.(0)
        setStatus(`Loaded events from ${label}; parsing in the background…`, 'busy')
      }
    },
    [remember],
  )

  const openFiles = useCallback(
    (files: readonly File[], fallback: FileKind) => {
      const byKind: Record<FileKind, File[]> = { rule: [], events: [] }
      for (const file of files) byKind[kindOfFile(file.name, fallback)].push(file)
      for (const kind of ['rule', 'events'] as const) {
        const group = byKind[kind]
        if (group.length === 1 && group[0]) void load(group[0], kind)
        else if (group.length > 1) setChoice({ kind, files: group })
      }
    },
    [load],
  )

  const choose = useCallback(
    (file: File | undefined) => {
      const current = choice
      setChoice(undefined)
      if (file && current) void load(file, current.kind)
    },
    [choice, load],
  )

  const openRuleText = useCallback(
    (text: string, source: string) => {
      const name = decodeURIComponent(new URL(source, 'https://x/').pathname.split('/').pop() ?? '')
      if (name) remember('rule', name)
      latest.current.setRule(text)
      latest.current.setStatus(`Opened rule from ${source}.`, 'success')
    },
    [remember],
  )

  const setStatus = useCallback(
    (message: string, tone?: StatusTone) => latest.current.setStatus(message, tone),
    [],
  )

  return { names, openFiles, choice, choose, openRuleText, forgetNames, setStatus }
}
