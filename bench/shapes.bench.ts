/**
 * The cost of event shapes: the default rule's fast path over 100,000 network events written
 * flat, as Winlogbeat, as Elastic hits of Winlogbeat, as Splunk results, and as Splunk records
 * of Windows XML in `_raw`. Each verdict includes detecting the event's shape and reading the
 * rule's fields through it. A record's `_raw` XML is parsed once (the page keeps its records,
 * the CLI reads each once), so its table row is the reads after that; the parse is timed apart,
 * over records never read.
 */
import { loadavg } from 'node:os'
import { compileRule, evaluate } from '../src/engine/index.ts'
import { DEFAULT_RULE } from '../src/ui/defaults/rule.ts'
import {
  elasticHit,
  splunkLine,
  splunkRawForm,
  winlogbeatForm,
} from '../test/engine/events/shape-forms.ts'
import { millis, perSecond, printTable, ratio, timeOnce, timePasses } from './measure.ts'
import { networkEvents } from './network-events.ts'

const COUNT = 100_000
const rule = compileRule(DEFAULT_RULE, {}).rule
if (!rule) throw new Error('the default rule does not compile')
const flat = networkEvents(COUNT)
const winlogbeat = flat.map((e) => winlogbeatForm(e))
const forms: [string, unknown[]][] = [
  ['flat JSON', flat],
  ['Winlogbeat', winlogbeat],
  ['Elastic hits · Winlogbeat', winlogbeat.map(elasticHit)],
  ['Splunk results', flat.map(splunkLine)],
  ['Splunk _raw · Windows event log', flat.map((e) => splunkLine(splunkRawForm(e)))],
]
const count = (events: unknown[]) => () => events.filter((e) => evaluate(rule, e) === true).length
const timings = forms.map(([name, events]) => [name, timePasses(count(events), 5)] as const)
const base = timings[0]?.[1]
const matches = new Set(timings.map(([, t]) => t.result))
if (matches.size !== 1) throw new Error(`the shapes disagree: ${[...matches].join(', ')} matches`)
printTable(
  `Shapes: default rule × ${COUNT.toLocaleString('en-US')} events (load ${loadavg()[0]?.toFixed(1)})`,
  ['shape', 'time', 'events/s', 'vs flat'],
  timings.map(([name, t]) => [
    name,
    millis(t.ms),
    perSecond(COUNT, t.ms),
    base ? ratio(t.ms / base.ms) : '',
  ]),
)
const unread = flat.map((e) => splunkLine(splunkRawForm(e)))
const firstRead = timeOnce(count(unread))
console.log(
  `Splunk _raw, first read (each record's XML parsed): ${millis(firstRead.ms)}, ` +
    `${perSecond(COUNT, firstRead.ms)}`,
)
