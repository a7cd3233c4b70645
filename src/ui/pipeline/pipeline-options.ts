/**
 * The Pipeline tab edits the first of `options.pipelines` (a link may carry more; they are kept
 * and applied as they are). An empty editor means no pipeline of the user's, so the one the
 * events' shape calls for applies again.
 */
import type { EngineOptions } from '../../engine/index.ts'

export const userPipeline = (options: EngineOptions): string => options.pipelines?.[0] ?? ''

export function withUserPipeline(options: EngineOptions, text: string): EngineOptions {
  const rest = options.pipelines?.slice(1) ?? []
  const pipelines = text.trim() === '' ? rest : [text, ...rest]
  const next: EngineOptions = { ...options, pipelines }
  if (pipelines.length === 0) delete next.pipelines
  return next
}
