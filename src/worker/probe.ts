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
import {
  compileRule,
  outlineRule,
  summarizeShapes,
  verdict,
  withShapePipeline,
} from '../engine/index.ts'
import type { CompiledRule, EngineOptions, EventRecord } from '../engine/index.ts'
import type { RulePart } from './protocol.ts'

const HEARTBEAT_MS = 40

interface ProbePart extends RulePart {
  /** The body of a one-identifier rule holding only this part. */
  body: unknown
}

/** Every field item (and keyword list) of every search identifier, in rule order. */
export function ruleParts(text: string): ProbePart[] {
  const items = outlineRule(text)?.items ?? []
  // An item whose value stands for too many aliases has no plain form: it cannot run alone.
  return items.flatMap(({ identifier, key, keyRange, range, value }) => {
    if (value === undefined) return []
    // A field item runs as a map of itself; keywords (no key) as their list.
    const body = keyRange ? { [key]: value } : value
    return [{ identifier, item: key, range, body }]
  })
}

/** A one-identifier rule. JSON is YAML, so no YAML writer is needed. */
function probeRule(body: unknown, logsource: Record<string, unknown>): string {
  const source = Object.keys(logsource).length > 0 ? logsource : { product: 'probe' }
  const detection = { probe: body, condition: 'probe' }
  return JSON.stringify({ title: 'probe', logsource: source, detection })
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
  const logsource = outlineRule(ruleText)?.logsource ?? {}
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
