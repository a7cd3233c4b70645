/**
 * Which modifiers usually come next, after the ones already written (legal orders from the
 * reference: `re` then flags, encodings then base64, base64offset then contains…). Completion
 * lists these first; everything else follows in the catalogue order.
 */
import { modifierDocs } from './modifier-docs.ts'

const encodings = ['wide', 'utf16le', 'utf16be', 'utf16']
const timeParts = ['minute', 'hour', 'day', 'week', 'month', 'year']

const nextAfter: Record<string, string[]> = {
  re: ['i', 'm', 's'],
  i: ['m', 's'],
  m: ['i', 's'],
  s: ['i', 'm'],
  base64offset: ['contains'],
  base64: ['contains', 'startswith', 'endswith'],
  windash: ['contains', 'startswith', 'endswith', 'all'],
  contains: ['all', 'windash', 'cased', 'neq'],
  startswith: ['cased', 'windash', 'neq'],
  endswith: ['cased', 'windash', 'neq'],
  fieldref: ['contains', 'startswith', 'endswith', 'neq'],
  ...Object.fromEntries(encodings.map((name) => [name, ['base64offset', 'base64']])),
  ...Object.fromEntries(timeParts.map((name) => [name, ['lt', 'lte', 'gt', 'gte']])),
}

/** Modifier names in suggestion order, without the ones already used. */
export function rankModifiers(used: readonly string[]): string[] {
  const last = used[used.length - 1]
  const preferred = last ? (nextAfter[last] ?? []) : []
  const rest = modifierDocs.map((doc) => doc.name).filter((name) => !preferred.includes(name))
  return [...preferred, ...rest].filter((name) => !used.includes(name))
}
