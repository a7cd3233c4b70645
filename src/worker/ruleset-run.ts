/**
 * Runs many rules over the page's events ("Which rules fire on these events?"): each rule file
 * is compiled with the page's options (the events' shape pipeline included, as the analyzer
 * does), then the engine's RuleSet screens and evaluates them event by event. A rule with
 * errors is listed and left out; the run never stops for one. Pure, and a generator that yields
 * after every rule and event, so the worker can pause to report progress.
 */
import {
  compileRule,
  LineIndex,
  parseEvents,
  RuleSet,
  summarizeShapes,
  withShapePipeline,
} from '../engine/index.ts'
import type { CompiledRule } from '../engine/index.ts'
import type {
  RuleHits,
  RuleProblem,
  RuleSetProgress,
  RuleSetRequest,
  RuleSetResult,
} from './ruleset-protocol.ts'

/** Told before each rule runs on an event (a traced run names the rule that stalls). */
export type BeforeRule = (file: number, event: number) => void

function firstError(
  file: number,
  path: string,
  text: string,
  compiled: ReturnType<typeof compileRule>,
): RuleProblem {
  const error = compiled.diagnostics.find((d) => d.severity === 'error')
  if (!error) return { file, path, message: 'does not compile.' }
  const { line, col } = new LineIndex(text).position(error.range[0])
  return { file, path, position: `${line}:${col}`, message: `${error.code} ${error.message}` }
}

export function* runRuleSet(
  request: RuleSetRequest,
  beforeRule?: BeforeRule,
): Generator<RuleSetProgress, RuleSetResult> {
  const { files } = request
  const skip = new Set(request.skip ?? [])
  const progress = {
    phase: 'parse' as RuleSetProgress['phase'],
    rulesDone: 0,
    rulesTotal: files.length,
    eventsDone: 0,
    eventsTotal: 0,
  }
  yield { ...progress }
  const events = parseEvents(request.events).events.map((e) => e.value)
  progress.eventsTotal = events.length
  // The same options the page's analyzer compiles with: ECS events get the ECS pipeline.
  const options = withShapePipeline(request.options, summarizeShapes(events).body)

  const start = performance.now()
  progress.phase = 'compile'
  const compiled: CompiledRule[] = []
  const rules: RuleHits[] = []
  const errors: RuleProblem[] = []
  let skipped = 0
  for (const [file, source] of files.entries()) {
    progress.rulesDone = file
    yield { ...progress }
    if (skip.has(file)) continue
    // The list shows each rule's first error and nothing else: warnings are not looked for.
    const result = compileRule(source.text, options, { warnings: false })
    if (result.rule) {
      compiled.push(result.rule)
      const { id, title = '', level = '' } = result.rule.meta
      rules.push({
        file,
        path: source.path,
        key: id ?? source.path,
        title,
        level,
        hits: 0,
        firstHit: -1,
      })
    } else if (result.kind === 'filter' || result.kind === 'correlation') {
      skipped++ // nothing to run on events alone (as `sigma-play eval --rules` skips them)
    } else errors.push(firstError(file, source.path, source.text, result))
  }
  progress.rulesDone = files.length
  const compileMillis = performance.now() - start

  progress.phase = 'evaluate'
  const set = new RuleSet(compiled)
  const failed = new Set<number>()
  const evaluateStart = performance.now()
  const trace = request.trace
  for (const [event, value] of events.entries()) {
    progress.eventsDone = event
    yield { ...progress }
    const traced = trace && event >= trace.from && event < trace.from + trace.count
    const announce =
      traced && beforeRule
        ? (i: number) => beforeRule((rules[i] as RuleHits).file, event)
        : undefined
    const { hits, errors: failures } = set.match(value, announce)
    for (const i of hits) {
      const rule = rules[i] as RuleHits
      if (rule.hits++ === 0) rule.firstHit = event
    }
    for (const { rule: i, message } of failures) {
      const rule = rules[i] as RuleHits
      if (failed.has(i)) continue
      failed.add(i)
      errors.push({
        file: rule.file,
        path: rule.path,
        message: `the engine failed on event ${event + 1}: ${message}`,
      })
    }
  }
  progress.eventsDone = events.length
  yield { ...progress }
  errors.sort((a, b) => a.file - b.file)
  return {
    rules,
    errors,
    skipped,
    events: events.length,
    millis: { compile: compileMillis, evaluate: performance.now() - evaluateStart },
  }
}

/** The whole run at once (tests, benches). */
export function runRuleSetNow(request: RuleSetRequest): RuleSetResult {
  const steps = runRuleSet(request)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
