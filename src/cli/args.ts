/**
 * Command-line parsing into plain option objects. Any problem is returned as a message,
 * which the caller prints with the usage text (exit 2); nothing here touches files.
 */
import { parseArgs } from 'node:util'
import { SHAPE_OVERRIDES, type EngineOptions } from '../engine/index.ts'

export interface EvalArgs {
  command: 'eval'
  /** Rule files and folders: one `--rule` file, or the `--rules` paths. */
  rules: string[]
  /** `--rules`: every rule over the events, one line per hit. */
  many: boolean
  events: string
  output: 'verdict' | 'explain' | 'count'
  /** `--pipeline` files (or `builtin:ID`), in the order given; priority decides the order applied. */
  pipelines: string[]
  engine: EngineOptions
  /** The longest one event may take to evaluate before the run stops (`--timeout`). */
  timeoutMs: number
  /** `--filter FILE` (repeatable): filter documents kept apart from the rule. */
  filters: string[]
  /** `--time-field NAME`: where correlations read each event's time. */
  timeField?: string
  /** `--stats`: how long compiling and evaluating took, on stderr at the end. */
  stats: boolean
}

export const DEFAULT_TIMEOUT_SECONDS = 5

export interface CheckArgs {
  command: 'check'
  paths: string[]
  engine: EngineOptions
}

export interface GenerateArgs {
  command: 'generate'
  rule: string
  engine: EngineOptions
}

export type CliArgs = EvalArgs | CheckArgs | GenerateArgs | { command: 'help' }

export type ParsedArgs = { args: CliArgs } | { error: string }

const engineOptionSpec = {
  placeholder: { type: 'string', multiple: true },
  'field-map': { type: 'string', multiple: true },
  'no-flatten': { type: 'boolean' },
  'logsource-only': { type: 'boolean' },
  shape: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** `NAME=V1,V2` or `%NAME%=V1,V2`: the name and its values. */
function splitAssignment(text: string): [string, string] | null {
  const at = text.indexOf('=')
  if (at <= 0) return null
  return [text.slice(0, at), text.slice(at + 1)]
}

function engineOptions(values: {
  placeholder?: string[]
  'field-map'?: string[]
  'no-flatten'?: boolean
  'logsource-only'?: boolean
  shape?: string
}): EngineOptions | string {
  const options: EngineOptions = {}
  // Names come from the command line: prototype-less records keep `__proto__` a plain key.
  const record = <T>() => Object.create(null) as Record<string, T>
  for (const entry of values.placeholder ?? []) {
    const pair = splitAssignment(entry)
    if (!pair) return `--placeholder expects NAME=V1,V2, got '${entry}'`
    const name = pair[0].replace(/^%(.*)%$/, '$1')
    options.placeholders ??= record<string[]>()
    options.placeholders[name] = [...(options.placeholders[name] ?? []), ...pair[1].split(',')]
  }
  for (const entry of values['field-map'] ?? []) {
    const pair = splitAssignment(entry)
    if (!pair || pair[1] === '') return `--field-map expects RULE_FIELD=EVENT_FIELD, got '${entry}'`
    options.fieldMap ??= record<string>()
    options.fieldMap[pair[0]] = pair[1]
  }
  if (values['no-flatten']) options.flattenEvtx = false
  if (values['logsource-only']) options.logsourceOnly = true
  if (values.shape !== undefined) {
    const shape = SHAPE_OVERRIDES.find((name) => name === values.shape)
    if (!shape) return `--shape expects one of ${SHAPE_OVERRIDES.join(', ')}, got '${values.shape}'`
    options.eventShape = shape
  }
  return options
}

function parseEval(argv: string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...engineOptionSpec,
      rule: { type: 'string' },
      rules: { type: 'boolean' },
      events: { type: 'string' },
      explain: { type: 'boolean' },
      count: { type: 'boolean' },
      timeout: { type: 'string' },
      pipeline: { type: 'string', multiple: true },
      filter: { type: 'string', multiple: true },
      'time-field': { type: 'string' },
      stats: { type: 'boolean' },
    },
  })
  if (values.help) return { args: { command: 'help' } }
  const many = values.rules === true
  // `--rules PATH...`: the paths are the positionals.
  if (!many && positionals.length > 0) return { error: `unexpected argument '${positionals[0]}'` }
  if (many && values.rule !== undefined) return { error: '--rule and --rules exclude each other' }
  if (many && positionals.length === 0) return { error: '--rules needs at least one PATH' }
  if (!many && values.rule === undefined) return { error: 'eval needs --rule RULE.yml' }
  if (values.events === undefined) return { error: 'eval needs --events EVENTS (a file, or -)' }
  if (values.explain && values.count) return { error: '--explain and --count exclude each other' }
  if (values.explain && many) return { error: '--explain needs one --rule, not --rules' }
  if (values.filter && many) return { error: '--filter needs one --rule, not --rules' }
  const seconds = Number(values.timeout ?? DEFAULT_TIMEOUT_SECONDS)
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    return { error: `--timeout expects a number of seconds above 0, got '${values.timeout}'` }
  }
  const engine = engineOptions(values)
  if (typeof engine === 'string') return { error: engine }
  const output = values.explain ? 'explain' : values.count ? 'count' : 'verdict'
  const rules = many ? positionals : [values.rule as string]
  const args: EvalArgs = {
    command: 'eval',
    rules,
    many,
    events: values.events,
    output,
    pipelines: values.pipeline ?? [],
    engine,
    timeoutMs: seconds * 1000,
    filters: values.filter ?? [],
    stats: values.stats === true,
  }
  if (values['time-field'] !== undefined) args.timeField = values['time-field']
  return { args }
}

function parseCheck(argv: string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: engineOptionSpec,
  })
  if (values.help) return { args: { command: 'help' } }
  if (positionals.length === 0) return { error: 'check needs at least one PATH' }
  const engine = engineOptions(values)
  if (typeof engine === 'string') return { error: engine }
  return { args: { command: 'check', paths: positionals, engine } }
}

function parseGenerate(argv: string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...engineOptionSpec, rule: { type: 'string' } },
  })
  if (values.help) return { args: { command: 'help' } }
  if (positionals.length > 0) return { error: `unexpected argument '${positionals[0]}'` }
  if (values.rule === undefined) return { error: 'generate needs --rule RULE.yml' }
  const engine = engineOptions(values)
  if (typeof engine === 'string') return { error: engine }
  return { args: { command: 'generate', rule: values.rule, engine } }
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv
  try {
    if (command === 'eval') return parseEval(rest)
    if (command === 'check') return parseCheck(rest)
    if (command === 'generate') return parseGenerate(rest)
    if (command === '--help' || command === '-h' || command === 'help') {
      return { args: { command: 'help' } }
    }
    return { error: command === undefined ? 'no command given' : `unknown command '${command}'` }
  } catch (error) {
    // parseArgs reports unknown options and missing option values by throwing.
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
