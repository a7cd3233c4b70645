/**
 * The events editor's context menu (the tuning loop, issue 8): mark the event under the cursor
 * "should match" or "should not match" (or clear its mark), filter out events with the value
 * under the cursor (a `filter_optional_*` block, as Top values does), or copy that value as a
 * filter item. Each action reads the cursor when it runs, through `context`.
 */
import type { EventReading, Expectation, FieldAt, Range } from '../../engine/index.ts'
import { fieldAtIn, itemForValue, itemYaml } from '../../engine/index.ts'
import { eventIndexAt } from './event-index.ts'
import type { monaco } from './monaco-setup.ts'

export interface EventActionHandlers {
  onMark?(index: number, mark: Expectation | undefined): void
  onFilterOut?(field: string, value: string): void
  onStatus?(message: string, tone: 'info' | 'success' | 'warning' | 'error'): void
}

interface Context {
  eventRanges: readonly Range[]
  handlers: EventActionHandlers
  /** The options the events are read with: fields are named as the evaluation reads them. */
  reading: EventReading
}

type Editor = monaco.editor.IStandaloneCodeEditor

/** The event under the cursor, and the field/value under it when there is one. */
function underCursor(editor: Editor, { eventRanges: ranges, reading }: Context) {
  const model = editor.getModel()
  const position = editor.getPosition()
  if (!model || !position) return undefined
  const offset = model.getOffsetAt(position)
  const index = eventIndexAt(ranges, offset)
  const range = ranges[index]
  if (!range) return undefined
  const field: FieldAt | undefined = fieldAtIn(model.getValue(), range, offset, reading)
  return { index, field }
}

const MARKS: [id: string, label: string, mark: Expectation | undefined][] = [
  ['sp.mark-match', 'Mark this event: should match', 'match'],
  ['sp.mark-nomatch', 'Mark this event: should not match', 'nomatch'],
  ['sp.mark-clear', "Clear this event's mark", undefined],
]

export function addEventActions(editor: Editor, context: () => Context): monaco.IDisposable[] {
  const noField = () =>
    context().handlers.onStatus?.(
      "Put the cursor on a value of the event's own fields to filter on it (not on an export's wrapper).",
      'warning',
    )
  const actions: monaco.editor.IActionDescriptor[] = MARKS.map(([id, label, mark], order) => ({
    id,
    label,
    contextMenuGroupId: '0_tuning',
    contextMenuOrder: order + 3,
    run: () => {
      const at = underCursor(editor, context())
      if (at) context().handlers.onMark?.(at.index, mark)
    },
  }))
  actions.push(
    {
      id: 'sp.filter-out',
      label: 'Filter out events with this value',
      contextMenuGroupId: '0_tuning',
      contextMenuOrder: 1,
      run: () => {
        const field = underCursor(editor, context())?.field
        if (field) context().handlers.onFilterOut?.(field.field, field.value)
        else noField()
      },
    },
    {
      id: 'sp.copy-filter-item',
      label: 'Copy as a filter item',
      contextMenuGroupId: '0_tuning',
      contextMenuOrder: 2,
      run: async () => {
        const { handlers } = context()
        const field = underCursor(editor, context())?.field
        if (!field) return noField()
        const yaml = itemYaml(itemForValue(field.field, field.value))
        try {
          await navigator.clipboard.writeText(yaml)
          handlers.onStatus?.(`Copied the filter item ${yaml}`, 'success')
        } catch {
          handlers.onStatus?.(`Could not copy to the clipboard; the item is: ${yaml}`, 'warning')
        }
      },
    },
  )
  return actions.map((action) => editor.addAction(action))
}
