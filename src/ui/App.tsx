/**
 * The page: rule editor and condition tree on the left, events editor and results on the right.
 * State lives in one hook (useAppState); the worker does all evaluation (useAnalysis); this file
 * only wires them to the panes.
 */
import { useCallback, useMemo, useState } from 'react'
import type { Diagnostic, EventsDiagnostic, IdentifierInfo, Range } from '../engine/index.ts'
import { rangesFrom } from '../worker/rows.ts'
import { movedDiagnostics, movedRanges, offsetsAcross, unmoved } from './paint/text-drift.ts'
import { downloadText, saveName } from './files/download.ts'
import { EventsEditorSlot, RuleEditorSlot } from './layout/editors.tsx'
import { Header } from './layout/Header.tsx'
import { usePageKeys } from './layout/keyboard.ts'
import { Pane } from './layout/Pane.tsx'
import { SplitPane } from './layout/SplitPane.tsx'
import { StatusBar } from './layout/StatusBar.tsx'
import { ResultsPane } from './results/ResultsPane.tsx'
import { CoverageNote } from './coverage/CoverageNote.tsx'
import { Timeline } from './timeline/Timeline.tsx'
import { treeEmptyText, useAnalysis, useShownMeta } from './state/useAnalysis.ts'
import { lagging, shownAnalysis } from './state/shownAnalysis.ts'
import { useLateRun } from './state/useLateRun.ts'
import { DEFAULT_STATE, useAppState } from './state/useAppState.ts'
import { useEvaluationStatus } from './state/useEvaluationStatus.ts'
import { sameJson, sameRanges, useStable } from './state/useStable.ts'
import { useTheme } from './state/useTheme.ts'
import { useTabModeStatus } from './state/tabMovesFocus.ts'
import { ConditionTree } from './tree/ConditionTree.tsx'
import { FileDropZone } from './files/FileDropZone.tsx'
import { FileToolbar } from './files/FileToolbar.tsx'
import { useRegression } from './files/useRegression.ts'
import { eventsMeta } from './events/events-meta.ts'
import { GalleryButton } from './gallery/GalleryButton.tsx'
import { ExerciseBar } from './gallery/ExerciseBar.tsx'
import { shownVerdicts } from './gallery/shown-verdicts.ts'
import { GenerateButton, type GeneratedNotes } from './generate/GenerateButton.tsx'
import { OptionsButton } from './options/OptionsButton.tsx'
import { EventsTabList, TabPanel, useEventsTab } from './pipeline/EventsTabs.tsx'
import { PipelinePanel } from './pipeline/PipelinePanel.tsx'
import { unresolvedPlaceholders } from './options/placeholder-names.ts'
import { LinkBanner } from './share/LinkBanner.tsx'
import { ShareButton } from './share/ShareButton.tsx'
import { usePageSharing } from './share/usePageSharing.ts'
import { useTuningPane } from './tuning/TuningHeader.tsx'
import { useBaseline, useTuningControls } from './tuning/useTuning.ts'
import { WhatIfToggles } from './tuning/WhatIfToggles.tsx'
import './tuning/tuning.css'
import type { Start } from './start/boot.ts'
import RuleSetDialog from './rulesets/RuleSetDialog.tsx'
import { RuleSetReopen } from './rulesets/RuleSetReopen.tsx'
import { useRuleSets } from './rulesets/useRuleSets.ts'

const NO_RANGES: Range[] = []
const NO_DIAGNOSTICS: Diagnostic[] = []
const NO_EVENT_DIAGNOSTICS: EventsDiagnostic[] = []
const NO_IDENTIFIERS: IdentifierInfo[] = []

export function App({ start }: { start: Start }) {
  // Seeded with the chosen starting state before the first render: the page evaluates once.
  const store = useAppState(start.state)
  const { link, files } = usePageSharing(store, DEFAULT_STATE, start)
  const [rowWindow, setRowWindow] = useState<[number, number]>([0, 50])
  const tuningControls = useTuningControls(store.expect)
  const { view, sendLatest } = useAnalysis(store, rowWindow, tuningControls.request)
  const baseline = useBaseline(view)
  const tuningPane = useTuningPane(store, view, tuningControls, baseline)
  const { theme, preference, cycle } = useTheme()
  const [reveal, setReveal] = useState<{ offset: number; nonce: number }>()
  const [generated, setGenerated] = useState<GeneratedNotes>()
  // Labels belong to the generated text only: the first edit of the events drops them.
  const rowNotes = generated?.text === store.events ? generated.labels : undefined
  const eventsTab = useEventsTab()
  const ruleSets = useRuleSets({
    latestState: store.latestState,
    setStatus: store.setStatus,
    openState: link.openState,
  })
  useEvaluationStatus(view, store.setRoutineStatus)
  useTabModeStatus(store.setStatus)

  // Diagnostics and events come from the latest run; rows, chips, tree and paint may be the last
  // good ones, dimmed, while the rule is broken or a run is still out.
  const latest = view.result
  const behind = lagging(view, store)
  const late = useLateRun(behind)
  const { view: shown, staleReason } = useMemo(() => shownAnalysis(view, late), [view, late])
  const result = shown.result
  const count = result?.counts.events ?? 0
  // The user's choice, clamped to the events there are; not the worker's echo, which lags a key.
  const selected = count === 0 ? -1 : Math.min(Math.max(store.selected, 0), count - 1)
  // A stale trace is kept: the editors then leave their decorations alone, and Monaco moves them
  // with the edits, so the paint still sits on the text it was about.
  const trace = result?.trace
  const { setSelected, setStatus, setRule, latestState } = store
  const meta = useShownMeta(latest?.meta)
  const current = !view.stale && latest !== undefined && !behind
  const regression = useRegression({
    meta,
    rule: store.rule,
    events: store.events,
    matches: current ? latest?.counts.matches : undefined,
    ruleName: files.names.rule,
    setEvents: store.setEvents,
    setSelected,
    setStatus,
  })
  const ruleDiagnostics = useStable(latest?.diagnostics ?? NO_DIAGNOSTICS, sameJson)
  // A result may be of events text typed past since (the run outlasted a key): its offsets are
  // moved onto the text in the editor as each result lands; Monaco moves the paint after that.
  const analysedEvents = view.eventsText
  const moveEvents = useMemo(
    () =>
      latest && analysedEvents !== undefined
        ? offsetsAcross(analysedEvents, latestState().events)
        : unmoved,
    [latest, analysedEvents, latestState],
  )
  const eventsDiagnostics = useStable(
    useMemo(
      () => movedDiagnostics(latest?.events.diagnostics ?? NO_EVENT_DIAGNOSTICS, moveEvents),
      [latest?.events.diagnostics, moveEvents],
    ),
    sameJson,
  )
  const flatRanges = latest?.events.ranges
  const eventRanges = useStable(
    useMemo(
      () => (flatRanges ? movedRanges(rangesFrom(flatRanges), moveEvents) : NO_RANGES),
      [flatRanges, moveEvents],
    ),
    sameRanges,
  )
  const identifiers = useStable(result?.identifiers ?? NO_IDENTIFIERS, sameJson)
  const analysedRule = view.ruleText ?? ''
  const unresolved = useStable(
    useMemo(
      () => unresolvedPlaceholders(ruleDiagnostics, analysedRule),
      [ruleDiagnostics, analysedRule],
    ),
    sameJson,
  )

  const onWindow = useCallback(
    (w: [number, number]) => setRowWindow((c) => (c[0] === w[0] && c[1] === w[1] ? c : w)),
    [],
  )
  const { whatif: whatifs, cycleWhatIf, resetWhatIf } = tuningControls
  const whatif = useMemo(
    () => (
      <WhatIfToggles
        identifiers={identifiers}
        whatif={whatifs}
        onCycle={cycleWhatIf}
        onReset={resetWhatIf}
      />
    ),
    [identifiers, whatifs, cycleWhatIf, resetWhatIf],
  )
  // A key typed in the rule goes to the worker before the page renders it.
  const onRuleChange = useCallback(
    (text: string) => {
      setRule(text)
      sendLatest(latestState())
    },
    [setRule, sendLatest, latestState],
  )
  const onEditorFailure = useCallback((message: string) => setStatus(message, 'error'), [setStatus])
  const onReveal = useCallback(
    (offset: number) => setReveal((r) => ({ offset, nonce: (r?.nonce ?? 0) + 1 })),
    [],
  )
  const eventActions = useMemo(
    () => ({
      onMark: store.setExpectation,
      onFilterOut: tuningPane.filterOut,
      onStatus: store.setStatus,
    }),
    [store.setExpectation, tuningPane.filterOut, store.setStatus],
  )
  usePageKeys({
    onSave: () => {
      const name = saveName('rule', files.names.rule, store.rule)
      downloadText(name, store.rule, 'application/yaml')
      setStatus(`Downloaded the rule as ${name}`, 'info')
    },
    onNextEvent: (step) => {
      if (count > 0) setSelected((selected + step + count) % count)
    },
  })

  return (
    <div className="app">
      <Header
        meta={meta}
        theme={preference}
        onCycleTheme={cycle}
        actions={
          <>
            <GalleryButton setStatus={store.setStatus} />
            <FileToolbar
              files={files}
              rule={store.rule}
              events={store.events}
              regression={regression}
              onRuleSets={ruleSets.show}
            />
            <RuleSetReopen sets={ruleSets} />
            <OptionsButton
              options={store.options}
              setOptions={store.setOptions}
              rule={store.rule}
              unresolved={unresolved}
            />
            <ShareButton state={link.state} setStatus={store.setStatus} />
          </>
        }
      />
      <LinkBanner {...link} />
      <RuleSetDialog sets={ruleSets} events={store.events} />
      <ExerciseBar
        verdicts={shownVerdicts(result)}
        current={current}
        marks={store.expect}
        setStatus={store.setStatus}
        ownWork={start.base === undefined}
      />
      <main className="workspace">
        <SplitPane name="columns" direction="row" initial={0.5} min={320}>
          <SplitPane name="left" direction="column" initial={0.66} min={90}>
            <Pane title="Rule" meta="Sigma YAML">
              <FileDropZone
                kind="rule"
                onFiles={files.openFiles}
                onDropTransfer={ruleSets.takeDrop}
              >
                <RuleEditorSlot
                  onFailure={onEditorFailure}
                  value={store.rule}
                  onChange={onRuleChange}
                  diagnostics={ruleDiagnostics}
                  diagnosticsText={view.ruleText}
                  trace={trace}
                  traceText={shown.ruleText}
                  stale={staleReason !== undefined}
                  theme={theme}
                  reveal={reveal}
                />
              </FileDropZone>
            </Pane>
            <ConditionTree
              trace={trace}
              identifiers={identifiers}
              selected={selected}
              stale={staleReason !== undefined}
              emptyText={treeEmptyText(shown)}
              onReveal={onReveal}
              whatif={whatif}
            />
          </SplitPane>
          <SplitPane name="right" direction="column" initial={0.46} min={120}>
            <Pane
              title="Events"
              tabs={
                <EventsTabList
                  tab={eventsTab.tab}
                  onSelect={eventsTab.select}
                  pipelineMark={store.options.pipelines?.length ? '●' : undefined}
                />
              }
              meta={
                latest
                  ? eventsMeta(
                      latest.counts.events,
                      latest.events.format,
                      latest.events.shape,
                      store.options.eventShape,
                    )
                  : undefined
              }
              actions={
                <GenerateButton
                  rule={store.rule}
                  options={store.options}
                  setEvents={store.setEvents}
                  setNotes={setGenerated}
                  setStatus={store.setStatus}
                />
              }
            >
              <TabPanel id="events" shown={eventsTab.tab === 'events'}>
                <FileDropZone
                  kind="events"
                  onFiles={files.openFiles}
                  onDropTransfer={ruleSets.takeDrop}
                >
                  <EventsEditorSlot
                    onFailure={onEditorFailure}
                    value={store.events}
                    onChange={store.setEvents}
                    diagnostics={eventsDiagnostics}
                    eventRanges={eventRanges}
                    selected={selected}
                    onSelect={setSelected}
                    trace={trace}
                    traceEvent={result?.selected}
                    actions={eventActions}
                    reading={store.options}
                    stale={staleReason !== undefined}
                    theme={theme}
                  />
                </FileDropZone>
              </TabPanel>
              {eventsTab.pipelineOpened && (
                <TabPanel id="pipeline" shown={eventsTab.tab === 'pipeline'}>
                  <PipelinePanel
                    options={store.options}
                    setOptions={store.setOptions}
                    shapeBody={latest?.events.shapeBody}
                    theme={theme}
                    setStatus={store.setStatus}
                  />
                </TabPanel>
              )}
            </Pane>
            <ResultsPane
              view={shown}
              staleReason={staleReason}
              selected={selected}
              onSelect={setSelected}
              onWindow={onWindow}
              notes={rowNotes}
              order={tuningPane.order}
              marks={tuningPane.marks}
              onListKey={tuningPane.onListKey}
              header={
                <>
                  <CoverageNote
                    coverage={result?.coverage}
                    options={store.options}
                    setOptions={store.setOptions}
                    setStatus={setStatus}
                  />
                  {tuningPane.header}
                </>
              }
              footer={
                result?.correlations && (
                  <Timeline view={result.correlations} selected={selected} onSelect={setSelected} />
                )
              }
            />
          </SplitPane>
        </SplitPane>
      </main>
      <StatusBar
        status={store.status}
        hint="F8 next event · Shift+F8 previous · Ctrl+S save rule"
      />
    </div>
  )
}
