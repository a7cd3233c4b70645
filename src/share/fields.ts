// The fields a link or draft carries. Apart from validation, so that encoding (which runs in a
// worker of its own, see worker/share.worker.ts) needs none of the checks or their imports.
import type { EngineOptions } from '../engine/index.ts'
import type { PartialSharedState } from './types.ts'

/** The top-level fields of a payload, in a fixed order. validate.ts checks each one. */
export const PAYLOAD_FIELDS = [
  'rule',
  'events',
  'selected',
  'options',
  'expect',
] as const satisfies readonly (keyof PartialSharedState)[]

// A field of the shared state missing from the list above is a compile error here.
type Unlisted = Exclude<keyof PartialSharedState, (typeof PAYLOAD_FIELDS)[number]>
export const EVERY_FIELD_LISTED: [Unlisted] extends [never] ? true : Unlisted = true

export const OPTION_KEYS = [
  'placeholders',
  'fieldMap',
  'flattenEvtx',
  'eventShape',
  'pipelines',
  'timeField',
  'logsourceOnly',
] as const satisfies readonly (keyof EngineOptions)[]
