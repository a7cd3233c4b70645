import { useEffect, useState } from 'react'
import { PENDING_AFTER_MS } from './shownAnalysis.ts'

/** True once `lagging` has held for PENDING_AFTER_MS without a break. */
export function useLateRun(lagging: boolean): boolean {
  const [late, setLate] = useState(false)
  useEffect(() => {
    if (!lagging) {
      setLate(false)
      return undefined
    }
    const timer = setTimeout(() => setLate(true), PENDING_AFTER_MS)
    return () => clearTimeout(timer)
  }, [lagging])
  return lagging && late
}
