/**
 * Wires the tuning loop into the results pane: the toolbar, the suggest button and proposal,
 * top values, and per-row marks (expectation, what-if flip, new/lost since the baseline).
 * Returns what the pane renders; App stays a switchboard.
 */
import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { identifierWord, itemForValue, optionalFilterName } from '../../engine/index.ts'
import { appendFilterDocument, insertFilterBlocks } from '../../engine/index.ts'
import type { Expectation } from '../../engine/index.ts'
import type { AnalysisView } from '../state/useAnalysis.ts'
import type { AppStore } from '../state/useAppState.ts'
import { confusion } from './confusion.ts'
import { RowMarks } from './RowMarks.tsx'
import { FilterProposalPanel, SuggestFilterButton } from './FilterProposalPanel.tsx'
import { ResultsToolbar } from './ResultsToolbar.tsx'
import { HideOutsideToggle } from '../logsource/HideOutsideToggle.tsx'
import { TopValues } from './TopValues.tsx'
import { useSearchKey } from './useSearchKey.ts'
import type { Baseline, TuningControls } from './useTuning.ts'
import { plural, valueInText } from '../format.ts'

const KEY_MARKS: Record<string, Expectation | undefined> = {
  m: 'match',
  n: 'nomatch',
  '0': undefined,
}

export interface TuningPane {
  header: ReactNode
  order?: Uint32Array
  marks(index: number): ReactNode
  onListKey(event: KeyboardEvent): void
  /** Turns a field's value into a `filter_optional_*` block (Top values, the events editor). */
  filterOut(field: string, value: string): void
}

export function useTuningPane(
  store: AppStore,
  view: AnalysisView,
  controls: TuningControls,
  baseline: Baseline,
): TuningPane {
  const result = view.result
  const tuning = view.stale ? undefined : result?.tuning
  const rows = result?.compiled ? result.rows : undefined
  const searchRef = useRef<HTMLInputElement>(null)
  useSearchKey(searchRef)
  const { setRule, setStatus, setExpectation, setSelected, selected } = store
  const expect = store.expect

  const insert = useCallback(
    (blocks: Parameters<typeof insertFilterBlocks>[1], what: string, asDocument = false) => {
      const inserted = (asDocument ? appendFilterDocument : insertFilterBlocks)(store.rule, blocks)
      if (!inserted.ok) {
        setStatus(`Could not insert the filter: ${inserted.message}`, 'error')
        return false
      }
      setRule(inserted.text)
      const names = blocks.map((b) => b.name).join(', ')
      setStatus(
        asDocument
          ? `Added a filter document with ${names} after the rule ${what}.`
          : `Inserted ${names} into the rule ${what}.`,
        'success',
      )
      return true
    },
    [store.rule, setRule, setStatus],
  )

  const filterOut = useCallback(
    (field: string, value: string) => {
      const item = itemForValue(field, value)
      const taken = new Set(result?.identifiers.map((i) => i.name))
      const name = optionalFilterName(identifierWord(field) || 'value', taken)
      insert([{ name, items: [item] }], `(filters out ${field} ${valueInText(value)})`)
    },
    [insert, result?.identifiers],
  )

  const proposal = tuning?.proposal
  const marked = confusion(expect, rows?.match)
  const header = result?.compiled ? (
    <>
      <ResultsToolbar
        controls={controls}
        names={result.identifiers.map((i) => i.name)}
        tuning={tuning}
        total={result.counts.events}
        baseline={baseline}
        confusion={marked}
        searchRef={searchRef}
      >
        <span className="tuning-actions">
          <HideOutsideToggle
            outside={result.counts.outside}
            hidden={controls.hideOutside}
            onChange={controls.setHideOutside}
          />
          <SuggestFilterButton fp={marked.fp} onSuggest={controls.suggest} />
          {marked.marked > 0 && (
            <button type="button" className="link-button" onClick={store.clearExpectations}>
              Clear marks
            </button>
          )}
        </span>
      </ResultsToolbar>
      {proposal && controls.request.suggest === proposal.nonce && (
        <FilterProposalPanel
          proposal={proposal}
          matches={result.counts.matches}
          onApply={(asDocument) => {
            const removes = `(removes ${plural(proposal.removedCount, 'match', 'matches')})`
            if (insert(proposal.blocks, removes, asDocument)) controls.dismissProposal()
          }}
          onDismiss={controls.dismissProposal}
          onShow={setSelected}
        />
      )}
      <TopValues
        fields={tuning?.topValues}
        open={controls.topValuesOpen}
        onOpen={controls.setTopValuesOpen}
        onFilterOut={filterOut}
      />
    </>
  ) : undefined

  const flips = tuning?.whatif?.match
  const marks = (index: number) => {
    const now = rows?.match[index] === 1
    const base = baseline.match
    return (
      <RowMarks
        index={index}
        mark={expect?.[index]}
        now={now}
        flip={flips !== undefined && (flips[index] === 1) !== now}
        changed={base !== undefined && (base[index] === 1) !== now}
        onMark={setExpectation}
      />
    )
  }

  const onListKey = (event: KeyboardEvent) => {
    const key = event.key.toLowerCase()
    if (!(key in KEY_MARKS) || event.ctrlKey || event.metaKey || event.altKey) return
    if (selected < 0) return
    event.preventDefault()
    setExpectation(selected, KEY_MARKS[key])
  }

  return { header, order: tuning?.view, marks, onListKey, filterOut }
}
