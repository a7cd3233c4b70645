/**
 * Event shapes as SIEMs export them. An event may sit in an envelope (an Elastic search hit's
 * `_source`, a Splunk export line's `result`), and its body has a layout whose field names
 * differ from the ones rules use (Windows event-log JSON, Winlogbeat); or the event is the XML
 * text a Splunk record keeps in `_raw`. Detection looks at one parsed record only, a few own-key
 * checks (and that XML, read once per record), so a stream can decide line by line.
 */
import { isObject } from '../json-object.ts'
import { rawXmlEvent } from './raw-xml.ts'
import type { ShapeOverride } from './shape-override.ts'

/**
 * How the body lays out its fields. `ecs` and `splunk-windows` are recognised (for their
 * pipelines) but read as flat.
 */
export type BodyShape = 'flat' | 'evtx' | 'winlogbeat' | 'ecs' | 'splunk-windows'

/** Bodies read as they are, with no flattening: their field names are the event's own. */
export const readsFlat = (body: BodyShape): boolean =>
  body === 'flat' || body === 'ecs' || body === 'splunk-windows'

/**
 * The wrapper an export puts around each event, if any. `splunk-raw`: the event is the Windows
 * XML in a Splunk record's `_raw` (raw-xml.ts), from a JSON export line or a CSV row.
 */
export type Envelope = 'none' | 'elastic' | 'splunk' | 'splunk-raw'

export { SHAPE_OVERRIDES, type ShapeOverride } from './shape-override.ts'

export interface EventShape {
  envelope: Envelope
  body: BodyShape
  /** The event itself, out of its envelope. */
  value: unknown
  /** The path of `value` inside the record (`_source`, `result`), '' without an envelope. */
  base: string
}

export const BODY_LABELS: Record<BodyShape, string> = {
  flat: 'flat JSON',
  evtx: 'Windows event log',
  winlogbeat: 'Winlogbeat',
  ecs: 'Elastic Common Schema',
  'splunk-windows': 'Splunk Windows (EventCode)',
}

const ENVELOPE_LABELS: Record<Envelope, string> = {
  none: '',
  elastic: 'Elastic hits',
  splunk: 'Splunk results',
  'splunk-raw': 'Splunk _raw',
}

/** `{"_index":…,"_id":…,"_source":{…}}`: one hit of an Elastic search. */
function isElasticHit(raw: Record<string, unknown>): boolean {
  return isObject(raw['_source']) && (Object.hasOwn(raw, '_index') || Object.hasOwn(raw, '_id'))
}

/** `{"preview":false,"result":{…}}`: one line of a Splunk JSON export. */
function isSplunkLine(raw: Record<string, unknown>): boolean {
  return isObject(raw['result']) && Object.hasOwn(raw, 'preview')
}

export function unwrapEnvelope(raw: unknown): Pick<EventShape, 'envelope' | 'value' | 'base'> {
  if (isObject(raw)) {
    if (isElasticHit(raw)) return { envelope: 'elastic', value: raw['_source'], base: '_source' }
    if (isSplunkLine(raw)) return { envelope: 'splunk', value: raw['result'], base: 'result' }
  }
  return { envelope: 'none', value: raw, base: '' }
}

const ECS_OBJECTS = ['process', 'source', 'destination', 'host', 'user', 'file', 'network']

export function detectBody(body: unknown): BodyShape {
  if (!isObject(body)) return 'flat'
  if (isObject(body['winlog'])) return 'winlogbeat'
  const event = body['Event']
  if (
    isObject(event) &&
    (isObject(event['System']) || isObject(event['EventData']) || isObject(event['UserData']))
  )
    return 'evtx'
  // ECS: an `ecs.version`, or `@timestamp` beside one of the ECS field sets.
  if (isObject(body['ecs'])) return 'ecs'
  if (Object.hasOwn(body, '@timestamp') && ECS_OBJECTS.some((k) => isObject(body[k]))) return 'ecs'
  // Splunk's Windows add-on names the event ID EventCode; its XML events keep EventID beside it.
  if (Object.hasOwn(body, 'EventCode') && !Object.hasOwn(body, 'EventID')) return 'splunk-windows'
  return 'flat'
}

/**
 * The shape of one record. `override` forces the body's layout; `flatten: false` (the old
 * "no event-log flattening" switch) reads every body as flat. Envelopes are always opened.
 */
export function detectShape(raw: unknown, override?: ShapeOverride, flatten = true): EventShape {
  const { envelope, value, base } = unwrapEnvelope(raw)
  if (flatten && override === undefined) {
    const event = rawXmlEvent(value)
    if (event !== undefined)
      return {
        envelope: 'splunk-raw',
        body: 'evtx',
        value: event,
        base: base ? `${base}._raw` : '_raw',
      }
  }
  // One object literal of one shape: this runs once per event evaluated, and a spread built a
  // second object (and a shape the property reads after it did not expect).
  return { envelope, body: override ?? (flatten ? detectBody(value) : 'flat'), value, base }
}

export function shapeLabel(shape: Pick<EventShape, 'envelope' | 'body'>): string {
  const envelope = ENVELOPE_LABELS[shape.envelope]
  if (!envelope) return BODY_LABELS[shape.body]
  return shape.body === 'flat' ? envelope : `${envelope} · ${BODY_LABELS[shape.body]}`
}

export interface ShapeSummary {
  /** "Winlogbeat", "Elastic hits · Winlogbeat", or the commonest with "(mixed)". */
  label: string
  /** The commonest body layout: what a built-in pipeline is chosen by. */
  body: BodyShape
  /** Events per label. */
  counts: Record<string, number>
}

/** What the page and the CLI say they saw, over every event. */
export function summarizeShapes(
  values: readonly unknown[],
  override?: ShapeOverride,
  flatten = true,
): ShapeSummary {
  const counts = Object.create(null) as Record<string, number>
  const bodies = new Map<string, BodyShape>()
  for (const value of values) {
    const shape = detectShape(value, override, flatten)
    const label = shapeLabel(shape)
    counts[label] = (counts[label] ?? 0) + 1
    bodies.set(label, shape.body)
  }
  const labels = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
  const top = labels[0] ?? BODY_LABELS.flat
  return {
    label: labels.length > 1 ? `${top} (mixed)` : top,
    body: bodies.get(top) ?? 'flat',
    counts,
  }
}
