/**
 * The events pane's caption: how many events and what they are ("312 events · Winlogbeat").
 * A recognised export shape names itself; plain events name their text format; a layout the
 * user forced in Options is said too, so the caption never hides why verdicts changed.
 */
import { BODY_LABELS, type EventsFormat, type ShapeOverride } from '../../engine/index.ts'
import { plural } from '../format.ts'

const FORMAT_LABELS: Partial<Record<EventsFormat, string>> = {
  array: 'JSON array',
  object: 'one object',
  ndjson: 'NDJSON',
  concatenated: 'concatenated JSON',
  csv: 'CSV',
  xml: 'Windows event XML',
}

export function eventsMeta(
  count: number,
  format: EventsFormat,
  shape: string,
  forced: ShapeOverride | undefined,
): string {
  const events = plural(count, 'event')
  // XML is always Windows events: its format says more than the shape it reads as.
  const kind =
    format === 'xml' || shape === BODY_LABELS.flat || count === 0 ? FORMAT_LABELS[format] : shape
  const read = forced ? ` · read as ${BODY_LABELS[forced]}` : ''
  return `${events}${kind ? ` · ${kind}` : ''}${read}`
}
