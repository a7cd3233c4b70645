/**
 * SigmaHQ regression tests in the page (issue 8, "Keep"): import an `info.yml` with the events
 * `.json` beside it, and the status line says whether the rule in the page passes it
 * ("at least match_count matches", as SigmaHQ's CI judges); export the rule's current events as
 * the same pair of files, `match_count` being today's number of matches. An imported test's
 * own id, name, path and (on its own events) match_count are kept, so it round-trips unchanged.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RegressionTest, RuleMeta } from '../../engine/index.ts'
import { parseRegressionInfo, writeRegressionInfo } from '../../engine/index.ts'
import type { StatusTone } from '../state/useAppState.ts'
import { plural } from '../format.ts'
import { downloadText, ruleFileName } from './download.ts'
import { normalizeEventsText, readFileText } from './read.ts'

export interface RegressionControls {
  importFiles(files: readonly File[]): void
  exportTest(): void
}

interface Imported {
  id: string
  ruleIds: string[]
  test: RegressionTest
  events: string
}

interface Inputs {
  meta: RuleMeta | undefined
  rule: string
  events: string
  /** Matches among the current events, once the shown results are those of this text. */
  matches: number | undefined
  ruleName: string | undefined
  setEvents(text: string): void
  setSelected(index: number): void
  setStatus(message: string, tone?: StatusTone): void
}

const today = () => new Date().toISOString().slice(0, 10)

export function useRegression(inputs: Inputs): RegressionControls {
  const latest = useRef(inputs)
  latest.current = inputs
  const [imported, setImported] = useState<Imported>()

  const importFiles = useCallback(async (files: readonly File[]) => {
    const { setEvents, setSelected, setStatus } = latest.current
    const info = files.find((f) => /\.ya?ml$/i.test(f.name))
    const events = files.find((f) => /\.json$/i.test(f.name))
    if (!info || !events) {
      setStatus('Choose a regression test’s info.yml and the events .json beside it.', 'error')
      return
    }
    const [infoText, eventsText] = await Promise.all([readFileText(info), readFileText(events)])
    const parsed = parseRegressionInfo(infoText)
    const test = 'error' in parsed ? undefined : parsed.tests[0]
    if ('error' in parsed || !test) {
      const why = 'error' in parsed ? parsed.error : 'it lists no test'
      setStatus(`${info.name} is not a regression test: ${why}.`, 'error')
      return
    }
    const id = /^id:\s*['"]?([0-9A-Za-z-]+)/m.exec(infoText)?.[1] ?? crypto.randomUUID()
    const text = normalizeEventsText(eventsText)
    setImported({ id, ruleIds: parsed.ruleIds, test, events: text })
    setEvents(text)
    setSelected(0)
    setStatus(`Opened regression test “${test.name}” with ${events.name}.`, 'success')
  }, [])

  // The verdict, once per evaluation of the imported events.
  const { matches, meta, events } = inputs
  useEffect(() => {
    if (!imported || matches === undefined || events !== imported.events) return
    const wanted = imported.test.matchCount ?? 1
    const passes = matches >= wanted
    const other =
      meta?.id && !imported.ruleIds.includes(meta.id)
        ? ` (the rule in the page is not the test’s rule ${imported.ruleIds.join(', ')})`
        : ''
    latest.current.setStatus(
      `Regression test “${imported.test.name}”: ${plural(matches, 'match', 'matches')}, at least ${wanted} wanted: ${passes ? 'passes' : 'FAILS'}${other}.`,
      passes && !other ? 'success' : 'error',
    )
  }, [imported, matches, meta?.id, events])

  const exportTest = useCallback(() => {
    const { meta: ruleMeta, rule, events: eventsText, matches: count, ruleName } = latest.current
    const { setStatus } = latest.current
    const ruleId = ruleMeta?.id
    if (!ruleId) {
      setStatus('A regression test names its rule by id: give the rule an id first.', 'error')
      return
    }
    if (count === undefined) {
      setStatus('Wait for the events to be evaluated, then export.', 'warning')
      return
    }
    const stem = (ruleName ?? ruleFileName(rule)).replace(/\.ya?ml$/i, '')
    const own = imported?.ruleIds.includes(ruleId) ? imported : undefined
    const test: RegressionTest = {
      name: own?.test.name ?? 'Positive Detection Test',
      type: own?.test.type ?? 'evtx',
      path: own?.test.path ?? `regression_data/rules/${stem}/${ruleId}.evtx`,
      // An imported test on its own events keeps its match_count (a minimum): it round-trips.
      matchCount: own && own.events === eventsText ? own.test.matchCount : count,
    }
    const info = writeRegressionInfo({
      id: own?.id ?? crypto.randomUUID(),
      ruleId,
      ruleTitle: ruleMeta.title ?? stem,
      date: today(),
      author: ruleMeta.author,
      test,
    })
    downloadText('info.yml', info, 'application/yaml')
    const eventsName = `${
      test.path
        .split('/')
        .pop()
        ?.replace(/\.evtx$/i, '') ?? ruleId
    }.json`
    downloadText(eventsName, eventsText, 'application/json')
    setStatus(
      `Exported the regression test: info.yml and ${eventsName} (match_count ${test.matchCount ?? 'unset: at least 1'}).`,
      'success',
    )
  }, [imported])

  return {
    importFiles: (files) => void importFiles(files),
    exportTest,
  }
}
