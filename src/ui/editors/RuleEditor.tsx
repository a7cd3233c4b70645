/**
 * The rule editor: Monaco with YAML, the Sigma schema, engine diagnostics as markers and the
 * selected event's trace painted line by line.
 */
import { useEffect, useRef } from 'react'
import type { Diagnostic, Trace } from '../../engine/index.ts'
import { monaco, RULE_URI } from './monaco-setup.ts'
import { setDecorations, useDecorations, useMonacoEditor } from './useMonacoEditor.ts'
import { setRuleMarkers } from '../paint/markers.ts'
import { buildRuleDecorations } from '../paint/rule-decorations.ts'
import { offsetsAcross, unmoved, type MoveOffset } from '../paint/text-drift.ts'
import './editors.css'

export interface RuleEditorProps {
  value: string
  onChange(text: string): void
  /** Engine diagnostics, offset ranges into `diagnosticsText`. */
  diagnostics: Diagnostic[]
  /** The rule text the diagnostics were found in: `value` unless typing outran the run. */
  diagnosticsText?: string
  /** explain() of the selected event, or undefined. */
  trace?: Trace
  /** The rule text the trace's offsets are into, as for `diagnosticsText`. */
  traceText?: string
  /** The trace is older than the text: its paint stays where Monaco moved it, dimmed. */
  stale?: boolean
  theme: 'light' | 'dark'
  /** Move the cursor and scroll to this offset (a condition-tree click). */
  reveal?: { offset: number; nonce: number }
}

const ruleOptions = {
  ariaLabel: 'Sigma rule (YAML)',
  glyphMargin: true,
  lineDecorationsWidth: 6,
  quickSuggestions: { other: true, comments: false, strings: true },
  // Windows paths end in a backslash ('…\Policies\'), which the YAML tokenizer reads as an
  // escaped quote: an auto-closed quote would then be doubled into '' and never end the string.
  autoClosingQuotes: 'never' as const,
}

type Model = monaco.editor.ITextModel

/** Offsets into `text` (the text a result was computed from) moved onto the model's text. */
const movedOnto = (model: Model, text: string | undefined): MoveOffset =>
  text === undefined ? unmoved : offsetsAcross(text, model.getValue())

export function RuleEditor({
  value,
  onChange,
  diagnostics,
  diagnosticsText,
  trace,
  traceText,
  stale,
  theme,
  reveal,
}: RuleEditorProps) {
  const container = useRef<HTMLDivElement>(null)
  const editor = useMonacoEditor(container, {
    uri: RULE_URI,
    language: 'yaml',
    value,
    onChange,
    theme,
    options: ruleOptions,
  })
  const decorations = useDecorations(editor)

  useEffect(() => {
    const model = editor?.getModel()
    if (model) setRuleMarkers(monaco, model, diagnostics, movedOnto(model, diagnosticsText))
  }, [editor, diagnostics, diagnosticsText])

  useEffect(() => {
    const model = editor?.getModel()
    if (!model || !decorations.current) return
    const moved = movedOnto(model, traceText)
    const list = buildRuleDecorations(trace, (offset) => model.getPositionAt(moved(offset)))
    setDecorations(decorations.current, list)
  }, [editor, decorations, trace, traceText])

  // The metadata above `detection:` decides nothing, so the first painted trace scrolls the
  // detection into view once; after that the scroll position is the user's.
  const scrolledToDetection = useRef(false)
  useEffect(() => {
    const model = editor?.getModel()
    const first = trace?.searches[0]
    if (!editor || !model || !first || scrolledToDetection.current) return
    scrolledToDetection.current = true
    const line = model.getPositionAt(first.keyRange[0]).lineNumber
    if (editor.getScrollTop() === 0) editor.setScrollTop(editor.getTopForLineNumber(line - 1))
  }, [editor, trace])

  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || !reveal) return
    const position = model.getPositionAt(reveal.offset)
    editor.setPosition(position)
    editor.revealPositionInCenterIfOutsideViewport(position)
    editor.focus()
  }, [editor, reveal])

  return (
    <div
      ref={container}
      data-testid="rule-editor"
      className={`sp-editor sp-${theme} ${stale ? 'is-stale' : ''}`}
    />
  )
}
