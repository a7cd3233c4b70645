/**
 * The Pipeline tab: the user's pySigma processing pipeline in Monaco, what applies to the rule
 * right now, and the built-in pipelines to start from (open in the editor, or copy).
 */
import { useEffect, useMemo, useState } from 'react'
import {
  BUILTIN_PIPELINES,
  builtinPipelineFor,
  LineIndex,
  parsePipeline,
  type BodyShape,
  type EngineOptions,
} from '../../engine/index.ts'
import { PipelineEditorSlot } from '../layout/editors.tsx'
import type { StatusTone } from '../state/useAppState.ts'
import { userPipeline, withUserPipeline } from './pipeline-options.ts'
import './pipeline.css'

export interface PipelinePanelProps {
  options: EngineOptions
  setOptions(options: EngineOptions): void
  /** The events' commonest body layout (what the automatic pipeline is chosen by). */
  shapeBody: BodyShape | undefined
  theme: 'light' | 'dark'
  setStatus(message: string, tone?: StatusTone): void
}

/** What the note under the toolbar says applies to the rule. */
function appliedNote(text: string, errors: number, body: BodyShape | undefined): string {
  const auto = body ? builtinPipelineFor(body) : undefined
  if (text.trim() === '')
    return auto
      ? `No pipeline of yours: the events' shape applies the built-in “${auto.name}” pipeline.`
      : 'No pipeline: rule fields are read from the events as written.'
  if (errors > 0)
    return `${errors} ${errors === 1 ? 'error' : 'errors'}: this pipeline is not applied until fixed.`
  return `Applied to the rule${auto ? ` instead of the built-in “${auto.name}”` : ''}; the Options field mappings apply first.`
}

/**
 * A link may carry several pipelines: the editor edits the first, the others are applied after
 * it (by priority) and named here, never applied unsaid.
 */
function othersNote(options: EngineOptions): string | undefined {
  const others = options.pipelines?.slice(1) ?? []
  if (others.length === 0) return undefined
  const names = others.map((text, i) => {
    const name = parsePipeline(text).pipeline?.name
    return name ? `“${name}”` : `pipeline ${i + 2}`
  })
  return `This link carries ${others.length + 1} pipelines: the editor shows the first; ${others.length === 1 ? 'the other' : `the other ${others.length}`}, ${names.join(', ')}, ${others.length === 1 ? 'is' : 'are'} applied too, in priority order, and kept in the draft and in links.`
}

export function PipelinePanel({
  options,
  setOptions,
  shapeBody,
  theme,
  setStatus,
}: PipelinePanelProps) {
  const text = userPipeline(options)
  const others = othersNote(options)
  useEffect(() => {
    if (others) setStatus(others, 'info')
  }, [others, setStatus])
  const diagnostics = useMemo(() => (text.trim() ? parsePipeline(text).diagnostics : []), [text])
  const [chosen, setChosen] = useState<string>(BUILTIN_PIPELINES[1]?.id ?? '')
  const builtin = BUILTIN_PIPELINES.find((p) => p.id === chosen)

  // Every message shows in the status line too: the first error, once per distinct error.
  const first = diagnostics[0]
  const firstText = first
    ? `Pipeline line ${new LineIndex(text).line(first.range[0])}: ${first.message} (not applied until fixed)`
    : undefined
  useEffect(() => {
    if (firstText) setStatus(firstText, 'error')
  }, [firstText, setStatus])

  const open = () => {
    if (!builtin) return
    setOptions(withUserPipeline(options, builtin.text))
    setStatus(`Opened the built-in “${builtin.name}” pipeline; Ctrl+Z in the editor undoes it.`)
  }
  const copy = async () => {
    if (!builtin) return
    try {
      await navigator.clipboard.writeText(builtin.text)
      setStatus(`Copied the built-in “${builtin.name}” pipeline to the clipboard.`)
    } catch {
      setStatus(
        'Could not use the clipboard: open the pipeline and copy it from the editor.',
        'error',
      )
    }
  }

  return (
    <div className="pipeline-panel">
      <div className="pipeline-toolbar">
        <label>
          Built-in
          <select
            data-testid="pipeline-builtin"
            value={chosen}
            onChange={(event) => setChosen(event.currentTarget.value)}
          >
            {BUILTIN_PIPELINES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="pane-action" data-testid="pipeline-open" onClick={open}>
          Open in editor
        </button>
        <button
          type="button"
          className="pane-action"
          data-testid="pipeline-copy"
          onClick={() => void copy()}
        >
          Copy
        </button>
      </div>
      <p
        className={`pipeline-note ${diagnostics.length > 0 ? 'is-error' : ''}`}
        data-testid="pipeline-note"
      >
        {appliedNote(text, diagnostics.length, shapeBody)}
      </p>
      {others && (
        <p className="pipeline-note" data-testid="pipeline-others">
          {others}
        </p>
      )}
      <div className="pipeline-editor-slot">
        <PipelineEditorSlot
          value={text}
          onChange={(next) => setOptions(withUserPipeline(options, next))}
          diagnostics={diagnostics}
          theme={theme}
          onFailure={(message) => setStatus(message, 'error')}
        />
      </div>
    </div>
  )
}
