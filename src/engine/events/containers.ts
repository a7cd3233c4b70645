/**
 * Exports that hold many events in one JSON value: an Elastic search response
 * (`{"hits":{"hits":[…]}}`) and a Splunk results document (`{"preview":…,"results":[…]}`).
 * Each element becomes its own record with its own range, so rows and painting point at it;
 * the element's envelope (`_source`, `result`) is opened later, per event, like any other.
 */
import { isObject } from '../json-object.ts'
import type { EventRecord, Range } from '../types.ts'
import { walkJson } from './json-scan.ts'

const SEARCH_RESPONSE_KEYS = ['took', 'timed_out', '_shards']
const SPLUNK_RESULTS_KEYS = ['preview', 'init_offset', 'messages', 'fields']

/** The array path of the events in a container value, or undefined for an ordinary event. */
export function containerPath(value: unknown): 'hits.hits' | 'results' | undefined {
  if (!isObject(value)) return undefined
  const hits = value['hits']
  if (isObject(hits) && Array.isArray(hits['hits'])) {
    const inner = hits['hits'] as unknown[]
    if (
      SEARCH_RESPONSE_KEYS.some((k) => Object.hasOwn(value, k)) ||
      inner.some((hit) => isObject(hit) && isObject(hit['_source']))
    )
      return 'hits.hits'
  }
  if (Array.isArray(value['results']) && SPLUNK_RESULTS_KEYS.some((k) => Object.hasOwn(value, k)))
    return 'results'
  return undefined
}

function elementsOf(value: Record<string, unknown>, path: 'hits.hits' | 'results'): unknown[] {
  if (path === 'results') return value['results'] as unknown[]
  return (value['hits'] as Record<string, unknown>)['hits'] as unknown[]
}

/** Replaces each container record by its elements; other records pass through untouched. */
export function expandContainers(text: string, records: EventRecord[]): EventRecord[] {
  if (!records.some((record) => containerPath(record.value))) return records
  const out: EventRecord[] = []
  for (const record of records) {
    const path = containerPath(record.value)
    if (!path) {
      out.push(record)
      continue
    }
    const elements = elementsOf(record.value as Record<string, unknown>, path)
    const ranges: Range[] = []
    const pattern = new RegExp(`^${path.replace('.', '\\.')}\\[(\\d+)\\]$`)
    walkJson(text, record.range[0], record.range[1], (at, _key, valueRange) => {
      const m = pattern.exec(at)
      if (m) ranges[Number(m[1])] = valueRange
    })
    elements.forEach((value, i) => out.push({ value, range: ranges[i] ?? record.range }))
  }
  return out
}
