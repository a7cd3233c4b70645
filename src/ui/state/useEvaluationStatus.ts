// Mirrors each new analysis into the status line's routine part: it shows beside a notice (a
// share, a file, a warning) and never wipes one the moment it appears (status-line.ts). The
// listener is called with each new view in the task that sets it, so the status renders with
// the results in one pass instead of a second render of the page after them.
import { useCallback } from 'react'
import { evaluationStatus } from './evaluationStatus.ts'
import type { AnalysisView } from './useAnalysis.ts'
import type { StatusTone } from './useAppState.ts'

export function useEvaluationStatus(
  setRoutineStatus: (message: string, tone: StatusTone) => void,
): (view: AnalysisView) => void {
  return useCallback(
    (view: AnalysisView) => {
      const status = evaluationStatus(view)
      if (status) setRoutineStatus(status.message, status.tone)
    },
    [setRoutineStatus],
  )
}
