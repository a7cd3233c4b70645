/**
 * A small React binding for monaco.editor.create: one model per URI, controlled `value`
 * without echo loops, theme switching. Everything painted on top lives in the components.
 */
import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { monaco } from './monaco-setup.ts'
import { themeName } from './themes.ts'

export type Editor = ReturnType<typeof monaco.editor.create>

export interface MonacoEditorOptions {
  uri: string
  language: 'yaml' | 'json'
  value: string
  onChange(text: string): void
  theme: 'light' | 'dark'
  options?: Parameters<typeof monaco.editor.create>[1]
}

const baseOptions: Parameters<typeof monaco.editor.create>[1] = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  fontFamily: "ui-monospace, 'SF Mono', 'Cascadia Code', Menlo, Consolas, monospace",
  scrollBeyondLastLine: false,
  tabSize: 2,
  renderLineHighlight: 'line',
  fixedOverflowWidgets: true,
  hover: { delay: 250 },
  padding: { top: 8, bottom: 8 },
}

const staleWindowMs = 1000
const staleKept = 4

/** Creates the editor in `container` on mount; returns it once it exists. */
export function useMonacoEditor(
  container: RefObject<HTMLDivElement | null>,
  { uri, language, value, onChange, theme, options }: MonacoEditorOptions,
): Editor | null {
  const [editor, setEditor] = useState<Editor | null>(null)
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  // The text we last reported or applied: a `value` equal to it needs no model update, and
  // comparing to it avoids reading the whole model (10,000 events) on every keystroke.
  const lastText = useRef(value)
  // Texts reported in the last moments. A `value` among them is a render that lags behind
  // typing (a keystroke landed between React's commit and its effects); writing it back would
  // undo that keystroke. Kept briefly, as events texts can weigh megabytes.
  const recent = useRef<{ text: string; at: number }[]>([])
  const applying = useRef(false)
  const initial = useRef({ value, language, theme, options })

  useEffect(() => {
    const element = container.current
    if (!element) return undefined
    const start = initial.current
    const modelUri = monaco.Uri.parse(uri)
    const model =
      monaco.editor.getModel(modelUri) ??
      monaco.editor.createModel(start.value, start.language, modelUri)
    if (model.getValue() !== start.value) model.setValue(start.value)
    lastText.current = start.value
    monaco.editor.setTheme(themeName(start.theme))
    const created = monaco.editor.create(element, { ...baseOptions, ...start.options, model })
    const subscription = model.onDidChangeContent(() => {
      if (applying.current) return
      const text = model.getValue()
      lastText.current = text
      const now = performance.now()
      recent.current = [
        ...recent.current.filter((r) => now - r.at < staleWindowMs).slice(-(staleKept - 1)),
        { text, at: now },
      ]
      onChangeRef.current(text)
    })
    setEditor(created)
    return () => {
      subscription.dispose()
      created.dispose()
      model.dispose()
      setEditor(null)
    }
  }, [container, uri])

  useEffect(() => {
    if (!editor || value === lastText.current) return
    const now = performance.now()
    if (recent.current.some((r) => r.text === value && now - r.at < staleWindowMs)) return
    const model = editor.getModel()
    if (!model || model.getValue() === value) {
      lastText.current = value
      return
    }
    // An edit operation (not setValue) keeps undo history across file loads and links.
    applying.current = true
    try {
      // Tens of MB (an events file): an edit operation costs seconds of frozen page, setValue
      // a fraction of one; undo across such a load is not worth that.
      if (value.length > 2_000_000 || model.getValueLength() > 2_000_000) model.setValue(value)
      else
        model.pushEditOperations(
          [],
          [{ range: model.getFullModelRange(), text: value }],
          () => null,
        )
    } finally {
      applying.current = false
    }
    // The model now holds a text from outside (a link, a restored draft, a file): texts typed
    // before it are no longer lagging renders, and bringing one back must take effect.
    recent.current = []
    lastText.current = value
  }, [editor, value])

  useEffect(() => {
    monaco.editor.setTheme(themeName(theme))
  }, [theme])

  return editor
}
