// Mirrors each new analysis into the status line; other messages (share, files) can follow it.
import { useEffect } from 'react'
import { evaluationStatus } from './evaluationStatus.ts'
import type { AnalysisView } from './useAnalysis.ts'
import type { StatusTone } from './useAppState.ts'

export function useEvaluationStatus(
  view: AnalysisView,
  setStatus: (message: string, tone: StatusTone) => void,
) {
  useEffect(() => {
    const status = evaluationStatus(view)
    if (status) setStatus(status.message, status.tone)
  }, [view, setStatus])
}
