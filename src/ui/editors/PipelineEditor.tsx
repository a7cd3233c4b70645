/**
 * The pipeline editor: Monaco with YAML, completion and hover from the pipeline schema, and the
 * engine's pipeline diagnostics as markers at their ranges.
 */
import { useEffect, useRef } from 'react'
import type { Diagnostic } from '../../engine/index.ts'
import { monaco, PIPELINE_URI } from './monaco-setup.ts'
import { useMonacoEditor } from './useMonacoEditor.ts'
import { setPipelineMarkers } from '../paint/markers.ts'
import './editors.css'

export interface PipelineEditorProps {
  value: string
  onChange(text: string): void
  /** parsePipeline's diagnostics, offset ranges into `value`. */
  diagnostics: Diagnostic[]
  theme: 'light' | 'dark'
}

const pipelineOptions = {
  ariaLabel: 'Processing pipeline (pySigma YAML)',
  glyphMargin: false,
  lineDecorationsWidth: 6,
  quickSuggestions: { other: true, comments: false, strings: true },
  autoClosingQuotes: 'never' as const,
}

export function PipelineEditor({ value, onChange, diagnostics, theme }: PipelineEditorProps) {
  const container = useRef<HTMLDivElement>(null)
  const editor = useMonacoEditor(container, {
    uri: PIPELINE_URI,
    language: 'yaml',
    value,
    onChange,
    theme,
    options: pipelineOptions,
  })

  useEffect(() => {
    const model = editor?.getModel()
    if (model) setPipelineMarkers(monaco, model, diagnostics)
  }, [editor, diagnostics])

  return <div ref={container} data-testid="pipeline-editor" className={`sp-editor sp-${theme}`} />
}
