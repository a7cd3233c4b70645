/**
 * A worked example: a short explanation, a rule, events that show the point, and the verdict
 * the engine gives each event (a test holds every example to it). Plain data, so the gallery,
 * the exercises and the tests read the same thing.
 */
import type { EngineOptions } from '../engine/types.ts'

export type Topic =
  | 'Values'
  | 'Conditions'
  | 'String modifiers'
  | 'Encodings'
  | 'Regular expressions'
  | 'Numbers, networks and fields'
  | 'Keywords and placeholders'
  | 'Filters'
  | 'Correlations'
  | 'Real-world rules'

export interface Example {
  /** Stable: used in links and in `data-example`. */
  id: string
  title: string
  topic: Topic
  /** What to look at, in two or three sentences. */
  explain: string
  rule: string
  events: Record<string, unknown>[]
  /** The verdict for each event, in order. */
  verdicts: boolean[]
  options?: EngineOptions
  /** Correlation examples: every alert the correlations raise, as the timeline names them. */
  alerts?: { correlation: string; group: string }[]
}

/** The rule text of an example: the detection under a small, valid header. */
export function exampleRule(
  id: number,
  title: string,
  logsource: string,
  detection: string,
  more = '',
): string {
  const uuid = `6a1f3c00-0000-4000-8000-${String(id).padStart(12, '0')}`
  return [
    `title: ${title}`,
    `id: ${uuid}`,
    'status: test',
    `description: Gallery example — ${title.toLowerCase()}`,
    'logsource:',
    ...logsource.split('\n').map((l) => `    ${l}`),
    'detection:',
    ...detection
      .trim()
      .split('\n')
      .map((l) => `    ${l}`),
    ...(more ? more.trim().split('\n') : []),
    'level: medium',
    '',
  ].join('\n')
}

export const PROCESS = 'category: process_creation\nproduct: windows'
export const NETWORK = 'category: network_connection\nproduct: windows'
