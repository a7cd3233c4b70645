/**
 * An event's time, for correlations. Sigma does not say where it is, so the first field
 * present among the usual ones is read (or the one the user names), and an event without a
 * time, or with one that does not parse, gets a reason instead: it is reported, never dropped
 * in silence.
 */
import { resolveLiteralOrDotted } from '../match/field-path.ts'

/** Where events usually keep their time, in the order they are tried. */
export const TIME_FIELDS = [
  '@timestamp',
  'timestamp',
  'UtcTime',
  'TimeCreated',
  'Event.System.TimeCreated.#attributes.SystemTime',
  'Event.System.TimeCreated.@SystemTime',
  'Event.System.TimeCreated.SystemTime',
  '_time',
  'EventTime',
  'time',
] as const

export type EventTime =
  { ok: true; ms: number; field: string } | { ok: false; reason: string; field?: string }

export function eventTime(raw: unknown, timeField?: string): EventTime {
  const fields = timeField ? [timeField] : TIME_FIELDS
  for (const field of fields) {
    const found = resolveLiteralOrDotted(raw, field)
    if (!found || found.value === null || typeof found.value === 'object') continue
    const ms = parseTime(found.value)
    if (ms === undefined)
      return {
        ok: false,
        field,
        reason: `its ${field} '${typeof found.value === 'string' ? found.value : JSON.stringify(found.value)}' is not a time this page can read`,
      }
    return { ok: true, ms, field }
  }
  return {
    ok: false,
    reason: timeField
      ? `it has no ${timeField} field`
      : `it has none of the time fields (${TIME_FIELDS.slice(0, 5).join(', ')}, _time…)`,
  }
}

/**
 * ISO 8601 and the Sysmon form `2024-03-01 10:00:00.123` (read as UTC, which is what UtcTime
 * says); numbers are epoch seconds (Splunk's `_time`) or, when large, milliseconds.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined
    return Math.abs(value) < 1e11 ? value * 1000 : value
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (/^-?\d+(\.\d+)?$/.test(text)) return parseTime(Number(text))
  const m =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(text)
  if (!m) return undefined
  const time = (m[2] as string).replace(',', '.')
  // JavaScript reads milliseconds only; Windows writes seven fraction digits.
  const trimmed = time.replace(/(\.\d{3})\d+$/, '$1')
  const zone = m[3] ? (m[3].toUpperCase() === 'Z' ? 'Z' : m[3]) : 'Z'
  const ms = Date.parse(`${m[1]}T${trimmed}${zone}`)
  return Number.isNaN(ms) ? undefined : ms
}

export function formatTime(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString()
}
