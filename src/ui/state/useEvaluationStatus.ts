// Mirrors each new analysis into the status line's routine part: it shows beside a notice (a
// share, a file, a warning) and never wipes one the moment it appears (status-line.ts).
// An effect on purpose: the status then renders after the results are on screen. Setting it
// with the results put its render between a key and its verdicts (3.7 ms of median, measured).
import { useEffect } from 'react'
import { evaluationStatus } from './evaluationStatus.ts'
import type { AnalysisView } from './useAnalysis.ts'
import type { StatusTone } from './useAppState.ts'

export function useEvaluationStatus(
  view: AnalysisView,
  setRoutineStatus: (message: string, tone: StatusTone) => void,
) {
  useEffect(() => {
    const status = evaluationStatus(view)
    if (status) setRoutineStatus(status.message, status.tone)
  }, [view, setRoutineStatus])
}
