// Filling a partial state (a link's payload, a stored draft) from a base state.
import type { EngineOptions } from '../engine/index.ts'
import type { PartialSharedState, SharedState } from './types.ts'
import { OPTION_KEYS, PAYLOAD_FIELDS } from './fields.ts'

/** `defaults` overlaid with what a link or draft carries. */
export function applySharedState(defaults: SharedState, shared: PartialSharedState): SharedState {
  const options: EngineOptions = { ...defaults.options }
  for (const key of OPTION_KEYS) {
    if (shared.options && Object.prototype.hasOwnProperty.call(shared.options, key)) {
      const value = shared.options[key]
      if (value === undefined) delete options[key]
      else (options as Record<string, unknown>)[key] = value
    }
  }
  const state: Record<string, unknown> = { ...defaults }
  for (const field of PAYLOAD_FIELDS) {
    if (field !== 'options' && shared[field] !== undefined) state[field] = shared[field]
  }
  return { ...(state as unknown as SharedState), options }
}
