/**
 * A small React binding for monaco.editor.create: one model per URI, controlled `value`
 * without echo loops, theme switching. Everything painted on top lives in the components.
 */
import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { monaco } from './monaco-setup.ts'
import { themeName } from './themes.ts'

export type Editor = ReturnType<typeof monaco.editor.create>
type Decorations = ReturnType<Editor['createDecorationsCollection']>

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

/** Echoes waited for at most; more keystrokes than this between two renders do not happen. */
const maxPendingEchoes = 8

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
  // Texts reported through onChange whose echo (the same text coming back as `value`) has not
  // arrived yet. An echo can lag behind typing (a keystroke landed between React's commit and
  // its effects); writing it back would undo that keystroke. Each echo is consumed once, so the
  // same text arriving later from a link, a draft or a file is applied.
  const reported = useRef<string[]>([])
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
    // Coloured bracket pairs need a tree of every bracket, built on the main thread: seconds
    // of frozen page for a linked or pasted text nested thousands deep. Set after `create`,
    // which resets the model's options from the configuration.
    model.updateOptions({
      bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
    })
    const subscription = model.onDidChangeContent(() => {
      if (applying.current) return
      const text = model.getValue()
      lastText.current = text
      reported.current = [...reported.current.slice(-(maxPendingEchoes - 1)), text]
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
    if (!editor) return
    const echo = reported.current.indexOf(value)
    if (echo >= 0) {
      reported.current.splice(0, echo + 1)
      return
    }
    if (value === lastText.current) return
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
    // The model now holds a text from outside: echoes of what was typed before it are moot.
    reported.current = []
    lastText.current = value
  }, [editor, value])

  useEffect(() => {
    monaco.editor.setTheme(themeName(theme))
  }, [theme])

  return editor
}

/** A decorations collection on `editor` (null until it exists), cleared with the editor. */
export function useDecorations(editor: Editor | null): RefObject<Decorations | null> {
  const decorations = useRef<Decorations | null>(null)
  useEffect(() => {
    if (!editor) return undefined
    decorations.current = editor.createDecorationsCollection()
    return () => {
      decorations.current?.clear()
      decorations.current = null
    }
  }, [editor])
  return decorations
}

type Decoration = Parameters<Decorations['set']>[0][number]
/** The options last set on each collection, as JSON (see setDecorations). */
const setOptions = new WeakMap<Decorations, string>()

/**
 * Sets `list` on `collection` unless it already shows exactly that: the same options at the
 * same places (where Monaco moved them with the edits). Any change of decorations makes Monaco
 * redraw every visible line, and most results (an edit to the title, a keystroke that changes
 * no verdict of the selected event) bring the same paint.
 */
export function setDecorations(collection: Decorations, list: readonly Decoration[]): void {
  const options = JSON.stringify(list.map((d) => d.options))
  const shown = collection.getRanges()
  const same =
    setOptions.get(collection) === options &&
    shown.length === list.length &&
    list.every((d, i) => monaco.Range.equalsRange(shown[i], d.range))
  if (same) return
  collection.set(list)
  setOptions.set(collection, options)
}
