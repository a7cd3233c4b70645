/**
 * The panel's editable rows, seeded from the options and the rule's placeholders when it opens,
 * and pushed back as options on every edit. Rows keep the text as typed ("a, " stays "a, ")
 * while the options hold the parsed lists; options changed from outside (a link opened in
 * this tab) reseed the rows.
 */
import { useCallback, useRef, useState } from 'react'
import type { EngineOptions } from '../../engine/index.ts'
import { sameJson } from '../state/useStable.ts'
import {
  formatValues,
  mappingRows,
  mergeRows,
  valuesOf,
  type MappingRow,
  type OptionRows,
  type PlaceholderRow,
} from './option-rows.ts'

export interface EditableRows extends OptionRows {
  /** Names the rule uses: their rows are fixed (no rename, no remove). */
  ruleNames: ReadonlySet<string>
  update(change: (rows: OptionRows) => OptionRows): void
  newId(): number
}

function seed(options: EngineOptions, ruleNames: readonly string[], newId: () => number) {
  const names = [...new Set([...ruleNames, ...Object.keys(options.placeholders ?? {})])]
  return {
    placeholders: names.map((name) => ({
      id: newId(),
      name,
      text: formatValues(valuesOf(options, name)),
    })),
    mappings: mappingRows(options, newId),
    flattenEvtx: options.flattenEvtx !== false,
    eventShape: options.eventShape,
    timeField: options.timeField ?? '',
    logsourceOnly: options.logsourceOnly === true,
  }
}

export function useOptionRows(
  options: EngineOptions,
  setOptions: (options: EngineOptions) => void,
  rulePlaceholders: readonly string[],
): EditableRows {
  const ids = useRef(0)
  const newId = useCallback(() => ++ids.current, [])
  const [rows, setRows] = useState<OptionRows>(() => seed(options, rulePlaceholders, newId))
  // The options this panel last produced or was seeded from; anything else came from outside.
  const [known, setKnown] = useState(options)
  const [ruleNames] = useState(() => new Set(rulePlaceholders))
  if (options !== known && !sameJson(options, mergeRows(options, rows))) {
    setKnown(options)
    setRows(seed(options, rulePlaceholders, newId))
  }

  const update = useCallback(
    (change: (rows: OptionRows) => OptionRows) => {
      const next = change(rows)
      setRows(next)
      const produced = mergeRows(options, next)
      if (!sameJson(produced, options)) {
        setKnown(produced)
        setOptions(produced)
      }
    },
    [rows, options, setOptions],
  )

  return { ...rows, ruleNames, update, newId }
}

export type { MappingRow, PlaceholderRow }
