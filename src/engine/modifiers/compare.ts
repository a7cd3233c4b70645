/**
 * lt / lte / gt / gte (§4.7) and the time-part modifiers (§4.9). Event numbers and strings
 * that read as decimal numbers compare numerically; dates are ISO 8601, read as written
 * (no time-zone conversion), weeks are ISO weeks.
 */
import type { CompareOp, TimePart } from './typed-value.ts'

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/

export function parseDecimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined
}

export function compareNumbers(op: CompareOp | 'eq', actual: number, expected: number): boolean {
  switch (op) {
    case 'lt':
      return actual < expected
    case 'lte':
      return actual <= expected
    case 'gt':
      return actual > expected
    case 'gte':
      return actual >= expected
    default:
      return actual === expected
  }
}

export const TIME_PARTS: readonly TimePart[] = ['minute', 'hour', 'day', 'week', 'month', 'year']
export const COMPARE_OPS: readonly CompareOp[] = ['lt', 'lte', 'gt', 'gte']

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i

export interface DateParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

export function parseIsoDate(text: string): DateParts | undefined {
  const m = ISO_DATE.exec(text.trim())
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const hour = m[4] === undefined ? 0 : Number(m[4])
  const minute = m[5] === undefined ? 0 : Number(m[5])
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined
  return { year, month, day, hour, minute }
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day))
  const weekday = date.getUTCDay() || 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1)
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7)
}

export function timePart(parts: DateParts, part: TimePart): number {
  return part === 'week' ? isoWeek(parts.year, parts.month, parts.day) : parts[part]
}
