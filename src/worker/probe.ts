/**
 * Finds which part of a rule is slow. A run that blew its budget cannot say where it was (the
 * worker is stuck inside one call), so the client starts a second worker that re-runs the rule
 * one field item at a time and announces each item before running it. When that worker runs out
 * of time too, the last announced item is the culprit. This relies only on the rule text and the
 * public engine API, not on engine internals.
 *
 * Each part must run as it ran in the analysis: under the rule's own logsource and with the
 * options the analysis used for these events (a Winlogbeat or ECS shape brings its pipeline,
 * which maps the rule's field names), or the slow item never meets its field and the probe
 * wrongly finds nothing slow.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml'
import type { Node, Pair } from 'yaml'
import { compileRule, summarizeShapes, verdict, withShapePipeline } from '../engine/index.ts'
import type { CompiledRule, EngineOptions, EventRecord } from '../engine/index.ts'
import type { RulePart } from './protocol.ts'

const HEARTBEAT_MS = 40

interface ProbePart extends RulePart {
  /** The body of a one-identifier rule holding only this part. */
  body: unknown
}

const keyText = (pair: Pair): string =>
  isScalar(pair.key) ? String(pair.key.value) : String(pair.key)

function rangeOf(node: unknown): [number, number] {
  const r = (node as Node | null)?.range
  return r ? [r[0], r[1]] : [0, 0]
}

/** Every field item (and keyword list) of every search identifier, in rule order. */
export function ruleParts(text: string): ProbePart[] {
  const doc = parseDocument(text, { uniqueKeys: false })
  const detection = doc.get('detection', true)
  if (!isMap(detection)) return []
  const parts: ProbePart[] = []
  for (const pair of detection.items) {
    const identifier = keyText(pair)
    if (identifier === 'condition' || identifier === 'timeframe') continue
    const maps = isSeq(pair.value) ? pair.value.items : [pair.value]
    const keywords: unknown[] = []
    for (const entry of maps) {
      if (isMap(entry)) {
        for (const item of entry.items) {
          const key = keyText(item)
          const start = rangeOf(item.key)[0]
          const end = rangeOf(item.value)[1] || rangeOf(item.key)[1]
          parts.push({
            identifier,
            item: key,
            range: [start, end],
            body: { [key]: plain(item.value) },
          })
        }
      } else if (isScalar(entry)) {
        keywords.push(plain(entry))
      }
    }
    if (keywords.length > 0) {
      parts.push({ identifier, item: 'keywords', range: rangeOf(pair.value), body: keywords })
    }
  }
  return parts
}

function plain(node: unknown): unknown {
  return isScalar(node) || isSeq(node) || isMap(node) ? node.toJSON() : (node ?? null)
}

function logsourceOf(text: string): unknown {
  const logsource = plain(parseDocument(text, { uniqueKeys: false }).get('logsource', true))
  return isPlainObject(logsource) ? logsource : { product: 'probe' }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function probeRule(body: unknown, logsource: unknown): string {
  const detection = { probe: body, condition: 'probe' }
  return stringify({ title: 'probe', logsource, detection })
}

export interface CompiledPart {
  part: RulePart
  rule: CompiledRule
}

/**
 * Each part as a rule of its own, compiled as the analysis compiles the whole rule for these
 * events. Done before the clock starts: compiling is not what the probe is timing.
 */
export function compileParts(
  ruleText: string,
  userOptions: EngineOptions,
  events: readonly EventRecord[],
): CompiledPart[] {
  const shape = summarizeShapes(events.map((e) => e.value))
  const options = withShapePipeline(userOptions, shape.body)
  const logsource = logsourceOf(ruleText)
  const compiled: CompiledPart[] = []
  for (const { body, ...part } of ruleParts(ruleText)) {
    const { rule } = compileRule(probeRule(body, logsource), options)
    if (rule) compiled.push({ part, rule })
  }
  return compiled
}

/** Runs each part over the events, calling `onStep` before each. Returns when all are done. */
export function runProbe(
  ruleText: string,
  options: EngineOptions,
  events: readonly EventRecord[],
  onStep: (part: RulePart) => void,
): void {
  runParts(compileParts(ruleText, options, events), events, onStep)
}

export function runParts(
  parts: readonly CompiledPart[],
  events: readonly EventRecord[],
  onStep: (part: RulePart) => void,
): void {
  for (const { part: step, rule } of parts) {
    onStep(step)
    // Announced again every few milliseconds of work: a part is blamed for one long stretch
    // (a catastrophic regex on one event), not for being run over very many events.
    let announced = performance.now()
    for (const event of events) {
      verdict(rule, event.value)
      if (performance.now() - announced > HEARTBEAT_MS) {
        onStep(step)
        announced = performance.now()
      }
    }
  }
}
