/**
 * Event files in each form parseEvents must recognise, with the events they hold, so that
 * parsing can be checked against the original values.
 */
import fc from 'fast-check'
import type { EventsFormat } from '../../../src/engine/types.ts'
import { evtxEvent, ruleShapedEvent } from './event-arbitrary.ts'
import { FIELDS, STRINGS } from './pools.ts'
import { savedXmlFile, windowsXmlForm } from '../events/shape-forms.ts'

export interface EventsText {
  text: string
  events: unknown[]
  format: EventsFormat
}

/** JSON round trip: drops undefined and -0, which a file cannot hold either. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

const someEvents = (min: number) =>
  fc
    .array(fc.oneof(ruleShapedEvent, evtxEvent), { minLength: min, maxLength: 4 })
    .map((events) => events.map(asJson))

/** Text XML keeps as typed: no control characters, and no carriage return to normalise. */
const xmlText = fc.oneof(
  fc.constantFrom(...STRINGS),
  fc
    .string({ unit: 'grapheme', maxLength: 12 })
    .filter((s) => [...s].every((c) => c >= ' ' && c !== '\u007f' && c < '\ufffe')),
)

/** Windows event XML as Event Viewer saves it, with the values every element reads as. */
const windowsXmlEvent = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom(...FIELDS), xmlText), {
      maxLength: 5,
      selector: ([field]) => field,
    }),
    fc.constantFrom('1', '3', '4688'),
  )
  .map(([data, eventId]) => {
    const System = { EventID: eventId }
    return {
      text: windowsXmlForm({ Event: { System, EventData: Object.fromEntries(data) } }),
      // An element with no children reads as its (empty) text.
      event: { Event: { System, EventData: data.length ? Object.fromEntries(data) : '' } },
    }
  })

export const eventTexts: fc.Arbitrary<EventsText> = fc.oneof(
  someEvents(1).map((events) => ({
    text: JSON.stringify(events, null, 2),
    events,
    format: 'array' as const,
  })),
  someEvents(1).map(([event]) => ({
    text: JSON.stringify(event, null, 2) + '\n',
    events: [event],
    format: 'object' as const,
  })),
  someEvents(2).map((events) => ({
    text: events.map((e) => JSON.stringify(e)).join('\n') + '\n',
    events,
    format: 'ndjson' as const,
  })),
  // evtx_dump objects only: an empty `{}` pretty-prints on one line and would read as NDJSON.
  fc
    .array(evtxEvent, { minLength: 2, maxLength: 4 })
    .map((raw) => raw.map(asJson))
    .map((events) => ({
      text: events.map((e) => JSON.stringify(e, null, 2)).join('\n'),
      events,
      format: 'concatenated' as const,
    })),
  fc.array(windowsXmlEvent, { minLength: 1, maxLength: 4 }).map((events) => ({
    text: savedXmlFile(events.map((e) => e.text)),
    events: events.map((e) => e.event),
    format: 'xml' as const,
  })),
)
