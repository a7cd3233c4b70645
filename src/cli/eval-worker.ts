/**
 * The evaluation worker: compiles the rules, then evaluates each batch of events it is sent,
 * in order, and answers with the output text. Before every event (and every rule of a rule
 * set) it writes where it is into the shared watch buffer, for the main thread's watchdog.
 */
import { parentPort } from 'node:worker_threads'
import {
  builtinPipelineFor,
  compileRule,
  detectShape,
  evaluate,
  explain,
  fieldMisses,
  outlineRule,
  formatDiagnostic,
  isEventFailure,
  LineIndex,
  mapsFieldsItself,
  RuleSet,
  verdict,
  withShapePipeline,
} from '../engine/index.ts'
import type { CompiledRule, EventFailure } from '../engine/index.ts'
import { runProbe } from '../worker/probe.ts'
import { BatchEvaluator, type EventConsumer, type Progress } from './batch-eval.ts'
import { plural } from './words.ts'
import {
  Watch,
  type FromWorker,
  type InitMessage,
  type Summary,
  type ToWorker,
} from './worker-protocol.ts'

/** What the command adds to the summary when input ends; what ran is the same for all. */
type Ending = Pick<Summary, 'out' | 'internalErrors'>

interface Compiled {
  rules: CompiledRule[]
  /** Index of each compiled rule in the rule files. */
  files: number[]
  stderr: string[]
  /** Invalid metadata: printed, but it never stops evaluation (authors write drafts). */
  notes: string[]
}

function compileAll(init: InitMessage, watch: Int32Array, engine = init.engine): Compiled {
  const out: Compiled = { rules: [], files: [], stderr: [], notes: [] }
  let skipped = 0
  init.rules.forEach((file, i) => {
    Atomics.add(watch, Watch.beat, 1)
    Atomics.store(watch, Watch.rule, i)
    // eval prints errors only, so warnings are not looked for (about an eighth of compiling).
    const compiled = compileRule(file.text, engine, { warnings: false })
    // Lines are counted only for a rule with errors to print: most of thousands have none.
    let positions: LineIndex | undefined
    for (const diagnostic of compiled.diagnostics)
      if (diagnostic.severity === 'error')
        (diagnostic.code === 'BAD_METADATA' ? out.notes : out.stderr).push(
          formatDiagnostic(file.path, (positions ??= new LineIndex(file.text)), diagnostic),
        )
    if (compiled.rule) {
      out.rules.push(compiled.rule)
      out.files.push(i)
    } else if (compiled.diagnostics.every((d) => d.severity !== 'error')) {
      const kind = compiled.kind ?? 'unknown'
      if (!init.many)
        out.stderr.push(
          `sigma-play: ${file.path} is a ${kind} rule, which eval cannot run on events`,
        )
      else skipped++
    }
  })
  Atomics.store(watch, Watch.rule, -1)
  if (skipped > 0)
    out.stderr.push(
      `sigma-play: skipped ${plural(skipped, 'correlation or filter rule')}, which eval cannot run on events alone`,
    )
  return out
}

/** One rule: a verdict line per event, the trace too with --explain, or only a count. */
function singleRule(
  init: InitMessage,
  rule: CompiledRule,
  counts: { matches: number; internalErrors: number },
) {
  // An engine failure is counted (exit 2) and handed back to be reported, never a verdict.
  const failed = (failure: EventFailure) => {
    counts.internalErrors++
    return failure
  }
  // --explain also says why fields never match (missing fields, near-miss values).
  const items =
    init.output === 'explain' ? (outlineRule(init.rules[0]?.text ?? '')?.items ?? []) : []
  const consume: EventConsumer = (event, value) => {
    if (init.output === 'count') {
      const result = evaluate(rule, value)
      if (isEventFailure(result)) return failed(result)
      if (result) counts.matches++
      return ''
    }
    if (init.output === 'explain') {
      const trace = explain(rule, value)
      if (isEventFailure(trace)) return failed(trace)
      const { match, identifiers } = trace
      const misses = match ? [] : fieldMisses(rule, items, value, identifiers).map((m) => m.message)
      return JSON.stringify({
        event,
        match,
        identifiers,
        ...(misses.length > 0 && { misses }),
        trace,
      })
    }
    const result = verdict(rule, value)
    if (isEventFailure(result)) return failed(result)
    const { match, identifiers } = result
    return JSON.stringify({ event, match, identifiers })
  }
  return consume
}

/** What a rule set's run counts, over every event whatever rules read it. */
interface SetTally {
  hits: number
  internalErrors: number
  byRule: Map<string, number>
}

/** Many rules: a line per hit, or per-rule hit counts into `state`. */
function ruleSet(init: InitMessage, compiled: Compiled, watch: Int32Array, state: SetTally) {
  const set = new RuleSet(compiled.rules)
  const keys = compiled.rules.map((rule, i) => {
    const path = init.rules[compiled.files[i] as number]?.path ?? ''
    return rule.meta.id ?? path
  })
  const { byRule } = state
  const beforeRule = (i: number) => {
    Atomics.add(watch, Watch.beat, 1)
    Atomics.store(watch, Watch.rule, compiled.files[i] as number)
  }
  const consume: EventConsumer = (event, value) => {
    const { hits, errors } = set.match(value, beforeRule)
    Atomics.store(watch, Watch.rule, -1)
    state.internalErrors += errors.length
    state.hits += hits.length
    if (init.output === 'count') {
      for (const i of hits) byRule.set(keys[i] as string, (byRule.get(keys[i] as string) ?? 0) + 1)
      return ''
    }
    return hits
      .map((i) => {
        const { title = '', level = '' } = (compiled.rules[i] as CompiledRule).meta
        return JSON.stringify({ event, rule: keys[i], title, level })
      })
      .join('\n')
  }
  return consume
}

/**
 * The worker's side of the protocol: answers each message through `post`. A worker thread runs
 * it (runEvalWorker), and so does the CLI's own thread for small runs (in-thread.ts).
 */
export function evalWorkerHandler(
  post: (message: FromWorker) => void,
): (message: ToWorker) => void {
  let evaluator: BatchEvaluator | undefined
  let ending: () => Ending = () => ({ out: '', internalErrors: 0 })
  let rules = 0
  return (message) => {
    switch (message.type) {
      case 'init': {
        const watch = new Int32Array(message.watch)
        const compiled = compileAll(message, watch)
        const fatal = message.many ? compiled.rules.length === 0 : compiled.stderr.length > 0
        rules = compiled.rules.length
        if (!fatal) ({ evaluator, ending } = start(message, compiled, watch))
        post({ type: 'ready', stderr: [...compiled.notes, ...compiled.stderr], fatal })
        return
      }
      case 'batch':
        if (evaluator) post({ type: 'batch', ...evaluator.run(message) })
        return
      case 'finish':
        post({ type: 'summary', ...ending(), events: evaluator?.events ?? 0, rules })
        return
      case 'probe': {
        runProbe(
          message.rule.text,
          message.engine,
          [{ value: message.event, range: [0, 0] }],
          (part) =>
            post({ type: 'step', identifier: part.identifier, item: part.item, range: part.range }),
        )
        post({ type: 'probe-done' })
        return
      }
    }
  }
}

export function runEvalWorker(): void {
  const port = parentPort
  port?.on(
    'message',
    evalWorkerHandler((message) => port.postMessage(message)),
  )
}

function start(init: InitMessage, compiled: Compiled, watch: Int32Array) {
  const progress: Progress = (event, seq, start, end, inBytes) => {
    Atomics.add(watch, Watch.beat, 1)
    Atomics.store(watch, Watch.event, event)
    Atomics.store(watch, Watch.batch, seq)
    Atomics.store(watch, Watch.start, start)
    Atomics.store(watch, Watch.end, end)
    Atomics.store(watch, Watch.inBytes, inBytes ? 1 : 0)
  }
  const parsing = (busy: boolean) => Atomics.store(watch, Watch.parsing, busy ? 1 : 0)
  if (init.many) {
    const state: SetTally = { hits: 0, internalErrors: 0, byRule: new Map() }
    const consumerOf = (rules: Compiled) => {
      // Building the screening index is linear work, like parsing: never a stall.
      parsing(true)
      const consume = ruleSet(init, rules, watch, state)
      parsing(false)
      return consume
    }
    const consume = byShape(init, watch, consumerOf(compiled), consumerOf)
    const evaluator = new BatchEvaluator(init.eventsName, consume, progress, parsing)
    const summary = () =>
      JSON.stringify({
        events: evaluator.events,
        rules: compiled.rules.length,
        hits: state.hits,
        by_rule: Object.fromEntries(state.byRule),
      })
    const ending = (): Ending => ({
      out: init.output === 'count' ? summary() + '\n' : '',
      internalErrors: state.internalErrors,
    })
    return { evaluator, ending }
  }
  const counts = { matches: 0, internalErrors: 0 }
  const consumerOf = (rules: Compiled) => singleRule(init, rules.rules[0] as CompiledRule, counts)
  Atomics.store(watch, Watch.rule, 0)
  const evaluator = new BatchEvaluator(
    init.eventsName,
    byShape(init, watch, consumerOf(compiled), consumerOf),
    progress,
    parsing,
  )
  const ending = (): Ending => ({
    out:
      init.output === 'count'
        ? JSON.stringify({ events: evaluator.events, matches: counts.matches }) + '\n'
        : '',
    internalErrors: counts.internalErrors,
  })
  return { evaluator, ending }
}

/**
 * Each event is read through the pipeline its own shape calls for when the user set none (the
 * ECS one for an event in Elastic Common Schema), as the page reads its events: the rules are
 * compiled again with it when the first such event comes, and kept for the next ones.
 */
function byShape(
  init: InitMessage,
  watch: Int32Array,
  plain: EventConsumer,
  consumerOf: (rules: Compiled) => EventConsumer,
): EventConsumer {
  if (mapsFieldsItself(init.engine)) return plain
  const flatten = init.engine.flattenEvtx !== false
  const variants = new Map<string, EventConsumer>()
  return (event, value) => {
    const { body } = detectShape(value, init.engine.eventShape, flatten)
    const builtin = builtinPipelineFor(body)
    if (!builtin) return plain(event, value)
    let consume = variants.get(builtin.id)
    if (!consume) {
      const rules = compileAll(init, watch, withShapePipeline(init.engine, body))
      Atomics.store(watch, Watch.rule, init.many ? -1 : 0)
      consume = rules.rules.length > 0 ? consumerOf(rules) : plain
      variants.set(builtin.id, consume)
    }
    return consume(event, value)
  }
}
